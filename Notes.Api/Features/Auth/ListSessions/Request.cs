namespace Notes.Api.Features.Auth.ListSessions;

internal sealed record Request : SignedInRequest
{
    [FromClaim(TokenClaims.SessionId)]
    public string SessionId { get; init; } = "";
}
