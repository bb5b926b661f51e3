namespace Notes.Api.Features.Account.ListTokens;

internal sealed record Request : SignedInRequest;
