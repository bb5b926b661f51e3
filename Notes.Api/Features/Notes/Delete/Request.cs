namespace Notes.Api.Features.Notes.Delete;

internal sealed record Request : SignedInRequest
{
    public string Id { get; init; } = "";
}
