namespace Notes.Api.Features.Auth.Logout;

internal sealed record Request : SignedInRequest
{
    [FromClaim(TokenClaims.SessionId)]
    public string SessionId { get; init; } = "";
}
