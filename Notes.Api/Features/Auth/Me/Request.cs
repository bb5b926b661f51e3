using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Auth.Me;

internal sealed class Request
{
    [FromClaim(TokenClaims.UserId)]
    public string UserId { get; init; } = "";

    [FromClaim(TokenClaims.Username)]
    public string Username { get; init; } = "";

    [FromClaim(TokenClaims.ExpiresAt)]
    public long ExpiresAtUnixSeconds { get; init; }
}
