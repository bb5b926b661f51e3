namespace Notes.Api.Features.Notes.Delete;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    public string Id { get; init; } = "";
}
