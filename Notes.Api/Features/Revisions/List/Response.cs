namespace Notes.Api.Features.Revisions.List;

internal sealed record Response(IReadOnlyList<RevisionSummary> Items, int Page, int PageSize, long Total);

/// <param name="Version">The version of the note this was.</param>
/// <param name="SavedAt">When this version was written.</param>
/// <param name="Length">The description's length in characters.</param>
internal sealed record RevisionSummary(int Version, string Title, DateTime SavedAt, int Length);
