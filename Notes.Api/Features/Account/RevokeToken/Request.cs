namespace Notes.Api.Features.Account.RevokeToken;

internal sealed record Request : SignedInRequest
{
    public string Id { get; init; } = "";
}
