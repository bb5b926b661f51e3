namespace Notes.Api.Features.Auth.Logout;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    [FromClaim("jti")]
    public string SessionId { get; init; } = "";
}
