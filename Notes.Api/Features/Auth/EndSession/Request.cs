namespace Notes.Api.Features.Auth.EndSession;

internal sealed record Request : SignedInRequest
{
    public string Id { get; init; } = "";
}
