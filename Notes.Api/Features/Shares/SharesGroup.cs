namespace Notes.Api.Features.Shares;

/// <summary>Every endpoint that manages a note's share links: under <c>/api/notes/{id}/shares</c>, tagged Shares.</summary>
internal sealed class SharesGroup() : ApiGroup("api/notes/{id}/shares", "Shares", everyEndpointAsksTheDatabase: true);
