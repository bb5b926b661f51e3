namespace Notes.Api.Features.Trash.Empty;

/// <param name="Deleted">How many notes were deleted for good.</param>
internal sealed record Response(long Deleted);
