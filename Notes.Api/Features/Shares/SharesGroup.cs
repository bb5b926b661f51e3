namespace Notes.Api.Features.Shares;

/// <summary>Every endpoint that manages a note's share links: under <c>/api/notes/{id}/shares</c>, tagged Shares; a script with a write token may
/// share its notes, as it may change them (a read token may list their links).</summary>
internal sealed class SharesGroup() : ApiGroup("api/notes/{id}/shares", "Shares", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true);
