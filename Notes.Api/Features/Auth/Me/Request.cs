namespace Notes.Api.Features.Auth.Me;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    [FromClaim("name")]
    public string Username { get; init; } = "";

    [FromClaim("exp")]
    public long ExpiresAtUnixSeconds { get; init; }
}
