using MongoDB.Bson;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Revisions;

/// <summary>
/// A note's history as its owner is shown it, for every revisions slice that reads one: the revisions below the note's version.
/// A writer that stopped between storing a revision and its compare-and-set leaves one at the note's version, and one that then lost
/// to a delete may leave one above it: neither is a version anything replaced.
/// </summary>
internal sealed class History(IMongoCollection<Note> notes, IMongoCollection<Revision> revisions, TimeProvider clock)
{
    static readonly ProjectionDefinition<Note> VersionOnly = Builders<Note>.Projection.Include(n => n.Version);

    /// <summary>The note's version, while its owner can reach it (in the trash too); null when they cannot.</summary>
    public async Task<int?> NoteVersionAsync(string noteId, string ownerId, CancellationToken ct)
    {
        // Read from a document: the embedded engine ignores projections and sends the whole note, which a typed one cannot read.
        var note = await notes.Find(Reachable.Note(noteId, ownerId, clock.UtcNowForMongo())).Project(VersionOnly).FirstOrDefaultAsync(ct);
        return note?["version"].AsInt32;
    }

    /// <summary>The revisions of the owner's note that are shown, at a note version: those below it.</summary>
    public static BsonDocument Below(string noteId, string ownerId, int noteVersion) =>
        Of(noteId, ownerId).Add("version", new BsonDocument("$lt", noteVersion));

    /// <summary>The revision of the owner's note at a version, if one is stored; shown only below the note's version.</summary>
    public async Task<Revision?> StoredAtAsync(string noteId, string ownerId, int version, CancellationToken ct) =>
        await revisions.Find(Of(noteId, ownerId).Add("version", version)).FirstOrDefaultAsync(ct);

    static BsonDocument Of(string noteId, string ownerId) => new() { { "ownerId", ObjectId.Parse(ownerId) }, { "noteId", ObjectId.Parse(noteId) } };

    // Made afresh for each answer: the problem details service fills in the request's own instance and trace id.
    public static IResult RevisionNotFound() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Revision not found.");
}
