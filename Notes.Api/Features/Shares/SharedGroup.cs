namespace Notes.Api.Features.Shares;

/// <summary>The anonymous read of a share link: under <c>/api/shared</c>, tagged Shared.</summary>
internal sealed class SharedGroup() : ApiGroup(ShareLinks.ApiPath.TrimStart('/'), "Shared", everyEndpointAsksTheDatabase: true);
