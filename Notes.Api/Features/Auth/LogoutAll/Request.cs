using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Request
{
    [FromClaim(TokenClaims.UserId)]
    public string UserId { get; init; } = "";
}
