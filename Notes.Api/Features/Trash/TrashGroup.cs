namespace Notes.Api.Features.Trash;

/// <summary>Every trash endpoint: under <c>/api/trash</c>, tagged Trash, with the answers they all may give.</summary>
internal sealed class TrashGroup() : ApiGroup("api/trash", "Trash", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true);
