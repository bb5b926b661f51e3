using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.Add;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>The notes the owner can reach, counted no further than <paramref name="limit"/>: a walk along the owner's stretch of an index.</summary>
    public Task<long> CountReachableUpToAsync(string ownerId, int limit, DateTime now, CancellationToken ct) =>
        notes.CountDocumentsAsync(Reachable.Notes(ownerId, now), new CountOptions { Limit = limit }, ct);

    /// <summary>
    /// Stores the note, or finds it stored already: an attempt with the same Idempotency-Key, whose answer was lost, may have stored
    /// it under the same id.
    /// </summary>
    public async Task<Note> InsertOnceAsync(Note note, CancellationToken ct)
    {
        try
        {
            await notes.InsertOneAsync(note, cancellationToken: ct);
            return note;
        }
        catch (MongoException ex) when (ex.IsDuplicateKey())
        {
            return await notes.Find(n => n.Id == note.Id && n.OwnerId == note.OwnerId).SingleAsync(ct);
        }
    }
}
