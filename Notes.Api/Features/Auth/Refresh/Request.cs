namespace Notes.Api.Features.Auth.Refresh;

internal sealed record Request : SignedInRequest
{
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    [FromClaim(TokenClaims.SessionId)]
    public string SessionId { get; init; } = "";
}
