using MongoDB.Bson;
using Notes.Api.Features.Notes;
using Tag = Notes.Api.Features.Notes.Tag;

namespace Notes.Api.Features.Transfer.Import;

/// <summary>
/// A note read from an upload, checked against the rules every note keeps (a title and description within their limits, tags
/// normalised), with where it came from: not yet stored.
/// </summary>
internal sealed record ImportedNote
{
    /// <summary>The file it was read from, as the report names it.</summary>
    public required string File { get; init; }

    /// <summary>What tells it apart per user, so a second import of it is skipped (<see cref="Note.Source"/>).</summary>
    public required string Source { get; init; }

    /// <summary>In a NotesSlices export, the id the note had: a note of the importer's own with that id is the same note.</summary>
    public string? ExportedId { get; init; }

    public required string Title { get; init; }
    public required string Description { get; init; }
    public required List<string> Tags { get; init; }
    public bool Pinned { get; init; }
    public bool Archived { get; init; }
    public DateTime? TrashedAt { get; init; }
    public DateTime? CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }

    /// <summary>What was dropped from the note (tags that cannot be tags), reported only when the note is created.</summary>
    public IReadOnlyList<ImportFailure> Dropped { get; init; } = [];
}

/// <summary>The checks a note read from any kind of file goes through, with the words the report gives for each.</summary>
internal static class ImportRules
{
    /// <summary>Why the title and description cannot make a note (the title measured trimmed, as stored), or null when they can.</summary>
    public static string? ContentFlaw(string title, string description) =>
        title.Length == 0 ? "it has no title"
        : title.Length > NoteContent.MaxTitleLength ? $"its title is over {NoteContent.MaxTitleLength} characters"
        : description.Length > NoteContent.MaxDescriptionLength ? $"its text is over {NoteContent.MaxDescriptionLength} characters"
        : null;

    /// <summary>
    /// The tags normalised, in the order given, duplicates collapsed: one that cannot be a tag, or one past the most a note carries,
    /// is dropped and reported against <paramref name="file"/>.
    /// </summary>
    public static (List<string> Tags, List<ImportFailure> Dropped) Tags(string file, IEnumerable<string> given)
    {
        var (tags, dropped) = (new List<string>(), new List<ImportFailure>());
        foreach (var raw in given.Where(raw => !string.IsNullOrWhiteSpace(raw)))
        {
            // Obsidian users write tags as they appear in the text, with a #.
            var tag = Tag.Normalize(raw.Trim().TrimStart('#'));
            if (Tag.Flaw(tag) is { } flaw)
                dropped.Add(new(file, $"The tag \"{raw}\" {flaw}: the note was imported without it.", NoteImported: true));
            else if (tags.Contains(tag, StringComparer.Ordinal))
                continue;
            else if (tags.Count == Tag.MaxPerNote)
                dropped.Add(new(file, $"A note carries at most {Tag.MaxPerNote} tags: the note was imported without \"{raw}\".", NoteImported: true));
            else
                tags.Add(tag);
        }
        return (tags, dropped);
    }

    /// <summary>A time cut to the millisecond a BSON date holds, so the note answered equals the note read back.</summary>
    public static DateTime ForMongo(this DateTimeOffset time) => DateTime.UnixEpoch.AddMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>An exported id that is one of this server's note ids, or null.</summary>
    public static string? NoteIdOrNull(string id) => ObjectId.TryParse(id, out _) ? id : null;
}
