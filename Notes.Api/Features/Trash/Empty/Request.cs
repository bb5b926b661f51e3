namespace Notes.Api.Features.Trash.Empty;

internal sealed record Request : SignedInRequest;
