namespace Notes.Api.Features.Auth.Me;

internal sealed record Request : SignedInRequest
{
    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    [FromClaim(TokenClaims.ExpiresAt)]
    public long ExpiresAtUnixSeconds { get; init; }
}
