using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Transfer.Export;

/// <summary>A revision as the export reads it: the note it belongs to, and what the revisions API answers of it.</summary>
internal sealed record StoredRevision([property: BsonRepresentation(BsonType.ObjectId)] string NoteId, int Version, string Title, string Description, DateTime SavedAt);

/// <summary>
/// The owner's notes and revisions as two cursors in the same order (a note's id, a revision's note id), so the export can merge
/// them as it writes: two queries and their batches, however many notes, and never more than a batch of each in memory.
/// </summary>
internal sealed class Data(IMongoCollection<Note> notes, IMongoCollection<Revision> revisions)
{
    /// <summary>
    /// Documents per batch: a round trip per 100 notes, and at most 100 in memory at a time (each up to about 200 KB as .NET
    /// strings). MongoDB itself cuts a batch at 16 MiB.
    /// </summary>
    const int BatchSize = 100;

    // Along the owner's stretch of the notes' (owner, id) index and of the revisions' (owner, note, version) one: no sort in memory.
    static readonly BsonDocument ById = new("_id", 1);
    static readonly BsonDocument ByNoteNewestFirst = new() { { "noteId", 1 }, { "version", -1 } };

    static readonly BsonDocument RevisionFields = new() { { "_id", 0 }, { "noteId", 1 }, { "version", 1 }, { "title", 1 }, { "description", 1 }, { "savedAt", 1 } };

    /// <summary>Every note the owner can reach, the trash included, by id. The first batch is read before this returns.</summary>
    public Task<IAsyncCursor<NoteResponse>> NotesAsync(string ownerId, DateTime now, CancellationToken ct) =>
        notes.Find(Reachable.Notes(ownerId, now), new FindOptions { BatchSize = BatchSize })
            .Sort(ById).Project<NoteResponse>(NoteResponse.StoredFields).ToCursorAsync(ct);

    /// <summary>
    /// Every revision the owner's notes keep, by note id, newest first: some may belong to no note they can reach, or stand at or
    /// above their note's version (see <see cref="Revisions.History"/>), and the merge leaves those out.
    /// </summary>
    public Task<IAsyncCursor<StoredRevision>> RevisionsAsync(string ownerId, CancellationToken ct) =>
        revisions.Find(new BsonDocument("ownerId", ObjectId.Parse(ownerId)), new FindOptions { BatchSize = BatchSize })
            .Sort(ByNoteNewestFirst).Project<StoredRevision>(RevisionFields).ToCursorAsync(ct);
}
