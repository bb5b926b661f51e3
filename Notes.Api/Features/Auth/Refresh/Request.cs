namespace Notes.Api.Features.Auth.Refresh;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    [FromClaim("name")]
    public string Username { get; init; } = "";

    [FromClaim("jti")]
    public string SessionId { get; init; } = "";
}
