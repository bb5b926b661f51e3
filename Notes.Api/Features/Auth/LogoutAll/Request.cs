namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed record Request : SignedInRequest;
