namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";
}
