namespace Notes.Api.Features.Notes.Get;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    public string Id { get; init; } = "";
}
