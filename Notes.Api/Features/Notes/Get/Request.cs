using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Notes.Get;

internal sealed class Request
{
    [FromClaim(TokenClaims.UserId)]
    public string UserId { get; init; } = "";

    public string Id { get; init; } = "";
}
