using System.Text.Json;

namespace Notes.Api.Features.Transfer.Import;

/// <summary>
/// A NotesSlices JSON export (<c>GET /api/export?format=json</c>): <c>{format: "notesslices", formatVersion: 1, notes: [...]}</c>,
/// each note as the notes API answers it. Its notes come back with their content, tags, pins, states and times; each gets a new id
/// (ids are global) and starts again at version 1, as a new note does. Revisions an export may carry (includeRevisions) are not read.
/// </summary>
internal static class NotesSlicesExport
{
    public const string Format = "notesslices";
    public const int FormatVersion = 1;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    sealed record Document(string? Format, int? FormatVersion, List<ExportedNote?>? Notes);

    sealed record ExportedNote(
        string? Id, string? Title, string? Description, List<string?>? Tags, bool? Pinned, bool? Archived,
        DateTimeOffset? TrashedAt, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

    /// <summary>The export's notes, each checked, and what was wrong with the others; refused when the file is not such an export.</summary>
    public static (List<ImportedNote> Notes, List<ImportFailure> Failed) Read(string file, byte[] bytes)
    {
        Document? document;
        try
        {
            // The reader refuses bytes that are not UTF-8 as it refuses broken JSON; a byte order mark it skips.
            document = JsonSerializer.Deserialize<Document>(bytes, Json);
        }
        catch (JsonException ex)
        {
            throw new UploadRefused(ProblemCodes.ImportFormatUnknown,
                $"The file is not a NotesSlices export: its JSON cannot be read (line {ex.LineNumber + 1}).");
        }
        if (document is not { Format: Format, Notes: { } notes })
            throw new UploadRefused(ProblemCodes.ImportFormatUnknown, $"The file is not a NotesSlices export: it needs \"format\": \"{Format}\" and a list of notes.");
        if (document.FormatVersion != FormatVersion)
            throw new UploadRefused(ProblemCodes.ImportFormatUnknown, $"The export is of format version {document.FormatVersion}; this server reads version {FormatVersion}.");

        var (read, failed) = (new List<ImportedNote>(), new List<ImportFailure>());
        for (var i = 0; i < notes.Count; i++)
        {
            if (notes[i] is not { Id: { Length: > 0 and <= 100 } id } note)
            {
                failed.Add(new(file, $"Note {i + 1} has no id (at most 100 characters), which tells it apart in a second import: left out.", NoteImported: false));
                continue;
            }
            var (title, description) = ((note.Title ?? "").Trim(), note.Description ?? "");
            if (ImportRules.ContentFlaw(title, description) is { } flaw)
            {
                failed.Add(new(file, $"Note {id} cannot be a note: {flaw}.", NoteImported: false));
                continue;
            }
            var (tags, dropped) = ImportRules.Tags(file, (note.Tags ?? []).OfType<string>());
            read.Add(new ImportedNote
            {
                File = file,
                Source = $"{Format}:{id}",
                ExportedId = ImportRules.NoteIdOrNull(id),
                Title = title,
                Description = description,
                Tags = tags,
                Pinned = note.Pinned ?? false,
                Archived = note.Archived ?? false,
                TrashedAt = note.TrashedAt?.ForMongo(),
                CreatedAt = note.CreatedAt?.ForMongo(),
                UpdatedAt = note.UpdatedAt?.ForMongo(),
                Dropped = [.. dropped.Select(d => d with { Reason = $"Note {id}: {d.Reason}" })],
            });
        }
        return (read, failed);
    }
}
