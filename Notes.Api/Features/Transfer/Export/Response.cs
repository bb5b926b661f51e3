namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// The JSON export as the OpenAPI document describes it. The export itself is written straight from the database cursors by
/// <see cref="JsonExport"/>, a note at a time; these records only document its shape, and are never serialised.
/// </summary>
/// <param name="Format">Always notesslices: what an import recognises the document by.</param>
/// <param name="FormatVersion">Always 1; a change an older import could not read would raise it.</param>
/// <param name="ExportedAt">When the export began.</param>
/// <param name="Username">Whose notes these are.</param>
/// <param name="Notes">Every note of yours, the trash included, oldest first.</param>
internal sealed record ExportDocument(string Format, int FormatVersion, DateTime ExportedAt, string Username, IReadOnlyList<ExportedNote> Notes);

/// <summary>A note with every field a note answer has; with includeRevisions=true, its history too.</summary>
/// <param name="Revisions">Only with includeRevisions=true: the versions the note's changes replaced, newest first, as the revisions API answers them.</param>
internal sealed record ExportedNote(
    string Id,
    string Title,
    string Description,
    bool Pinned,
    IReadOnlyList<string> Tags,
    bool Archived,
    DateTime? TrashedAt,
    DateTime? PurgeAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    IReadOnlyList<ExportedRevision>? Revisions);

/// <param name="Version">The version of the note this was.</param>
/// <param name="SavedAt">When this version was written.</param>
internal sealed record ExportedRevision(int Version, string Title, string Description, DateTime SavedAt);
