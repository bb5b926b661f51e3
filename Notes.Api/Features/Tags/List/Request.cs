namespace Notes.Api.Features.Tags.List;

internal sealed record Request : SignedInRequest;
