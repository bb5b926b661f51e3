namespace Notes.Api.Features.Tags.Delete;

internal sealed record Request : SignedInRequest
{
    public string Name { get; init; } = "";
}
