namespace Notes.Api.Features.Account.Get;

internal sealed record Request : SignedInRequest;
