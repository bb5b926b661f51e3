namespace Notes.Api.Features.Notes.Get;

internal sealed record Request : SignedInRequest
{
    public string Id { get; init; } = "";
}
