using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Auth.Logout;

internal sealed class Request
{
    [FromClaim(TokenClaims.UserId)]
    public string UserId { get; init; } = "";

    [FromClaim(TokenClaims.SessionId)]
    public string SessionId { get; init; } = "";
}
