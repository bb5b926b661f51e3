namespace Notes.Api.Features.Transfer.Import;

/// <summary>What an import did: notes created, notes skipped because an earlier import already brought them, and what went wrong.</summary>
internal sealed record Response(int Created, int Skipped, IReadOnlyList<ImportFailure> Failed);

/// <summary>
/// One thing an import could not take as it was: a file (or, in a NotesSlices export, one of its notes) that was left out, or a
/// part of one that was dropped (a tag) while its note was imported all the same, as <paramref name="NoteImported"/> tells.
/// </summary>
/// <param name="File">The uploaded file's name; for a zip, the entry's full path inside it.</param>
/// <param name="Reason">Why, in words for a person.</param>
/// <param name="NoteImported">True when the note was imported without what the reason names; false when it was left out.</param>
internal sealed record ImportFailure(string File, string Reason, bool NoteImported);
