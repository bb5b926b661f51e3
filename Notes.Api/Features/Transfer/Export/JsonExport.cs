using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// Writes the JSON export (<see cref="ExportDocument"/>) to the response as the notes come from their cursor, a batch at a time:
/// what is held is one batch of notes (and of revisions) and the bytes not yet sent, however many notes there are.
/// </summary>
internal static class JsonExport
{
    public const string Format = "notesslices";
    public const int FormatVersion = 1;

    /// <summary>Bytes written and not yet sent, past which they go out before the next note: a long note and its history never pile up.</summary>
    const int SendAbove = 32 * 1024;

    // Letters of every script as they are (a Cyrillic note is not six bytes a letter); what HTML or JSON treats specially escaped.
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task WriteAsync(
        PipeWriter body, DateTime exportedAt, string username, IAsyncCursor<NoteResponse> notes, IAsyncCursor<StoredRevision>? revisions, CancellationToken ct)
    {
        var history = revisions is null ? null : new RevisionMerge(revisions);
        await using var json = new Utf8JsonWriter(body, Options);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteString("exportedAt", exportedAt);
        json.WriteString("username", username);
        json.WriteStartArray("notes");
        // The first batch came with the query: it goes out at once, and each later one as soon as it has arrived.
        while (await notes.MoveNextAsync(ct))
        {
            foreach (var note in notes.Current)
            {
                json.WriteStartObject();
                WriteFields(json, note);
                if (history is not null)
                {
                    json.WriteStartArray("revisions");
                    await foreach (var revision in history.OfAsync(note, ct))
                    {
                        WriteRevision(json, revision);
                        await SendIfFullAsync(json, body, ct);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                await SendIfFullAsync(json, body, ct);
            }
            await SendAsync(json, body, ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await SendAsync(json, body, ct);
    }

    /// <summary>Every field of a note answer, named and written as the notes API answers them (camelCase, ISO 8601 times).</summary>
    static void WriteFields(Utf8JsonWriter json, NoteResponse note)
    {
        json.WriteString("id", note.Id);
        json.WriteString("title", note.Title);
        json.WriteString("description", note.Description);
        json.WriteBoolean("pinned", note.Pinned);
        json.WriteStartArray("tags");
        foreach (var tag in note.Tags)
            json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteBoolean("archived", note.Archived);
        WriteTime(json, "trashedAt", note.TrashedAt);
        WriteTime(json, "purgeAt", note.PurgeAt);
        json.WriteString("createdAt", note.CreatedAt);
        json.WriteString("updatedAt", note.UpdatedAt);
        json.WriteNumber("version", note.Version);
    }

    static void WriteTime(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is { } value)
            json.WriteString(name, value);
        else
            json.WriteNull(name);
    }

    static void WriteRevision(Utf8JsonWriter json, StoredRevision revision)
    {
        json.WriteStartObject();
        json.WriteNumber("version", revision.Version);
        json.WriteString("title", revision.Title);
        json.WriteString("description", revision.Description);
        json.WriteString("savedAt", revision.SavedAt);
        json.WriteEndObject();
    }

    static ValueTask SendIfFullAsync(Utf8JsonWriter json, PipeWriter body, CancellationToken ct) =>
        json.BytesPending > SendAbove ? SendAsync(json, body, ct) : ValueTask.CompletedTask;

    static async ValueTask SendAsync(Utf8JsonWriter json, PipeWriter body, CancellationToken ct)
    {
        json.Flush(); // into the pipe's buffer
        await body.FlushAsync(ct); // onto the wire, waiting while a slow reader has not taken the last bytes
    }

    /// <summary>
    /// The revisions cursor, read alongside the notes: both come in note id order, so each note's history is the run of revisions
    /// with its id, and what comes before that run belongs to no note the owner can reach.
    /// </summary>
    sealed class RevisionMerge(IAsyncCursor<StoredRevision> revisions)
    {
        IEnumerator<StoredRevision>? _batch;
        StoredRevision? _next;
        bool _done;

        /// <summary>The note's history: its revisions below its version (as the revisions API shows them), newest first.</summary>
        public async IAsyncEnumerable<StoredRevision> OfAsync(NoteResponse note, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            // ObjectIds order as their bytes do, and so as their lower-case hex.
            while (await PeekAsync(ct) is { } revision && string.CompareOrdinal(revision.NoteId, note.Id) <= 0)
            {
                _next = null;
                if (revision.NoteId == note.Id && revision.Version < note.Version)
                    yield return revision;
            }
        }

        async ValueTask<StoredRevision?> PeekAsync(CancellationToken ct)
        {
            while (_next is null && !_done)
            {
                if (_batch?.MoveNext() == true)
                    _next = _batch.Current;
                else if (await revisions.MoveNextAsync(ct))
                    _batch = revisions.Current.GetEnumerator();
                else
                    _done = true;
            }
            return _next;
        }
    }
}
