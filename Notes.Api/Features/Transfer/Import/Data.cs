using MongoDB.Bson;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Transfer.Import;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>
    /// Notes per insert. The embedded engine checks each unique index by a linear scan once per write, so one insert of many pays it
    /// once (about 8 ms at 1,000 notes in the collection, 230 ms at 4,000); small enough that one batch ends well inside a request's
    /// database timeout, and the driver splits a batch of long notes further by size.
    /// </summary>
    const int BatchSize = 200;

    /// <summary>Owner filters per query, so that a query for thousands of sources stays a small command.</summary>
    const int LookupSize = 1_000;

    // Read from a document: the embedded engine ignores projections, which a typed one could not read.
    static readonly ProjectionDefinition<Note> SourceOnly = Builders<Note>.Projection.Include(n => n.Source);

    /// <summary>The notes the owner can reach, counted no further than <paramref name="limit"/>: a walk along the owner's stretch of an index.</summary>
    public Task<long> CountReachableUpToAsync(string ownerId, int limit, DateTime now, CancellationToken ct) =>
        notes.CountDocumentsAsync(Reachable.Notes(ownerId, now), new CountOptions { Limit = limit }, ct);

    /// <summary>
    /// Which of the notes the owner has already: by source (an earlier import), or by id (the export was of these very notes, and
    /// they are still here). The trash and notes past it count too: their source is still taken.
    /// </summary>
    public async Task<HashSet<string>> AlreadyHereAsync(string ownerId, IReadOnlyList<ImportedNote> candidates, CancellationToken ct)
    {
        var here = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Chunk(LookupSize))
        {
            var ids = chunk.Where(n => n.ExportedId is not null).Select(n => ObjectId.Parse(n.ExportedId));
            var filter = new BsonDocument
            {
                { "ownerId", ObjectId.Parse(ownerId) },
                {
                    "$or", new BsonArray
                    {
                        new BsonDocument("source", new BsonDocument("$in", new BsonArray(chunk.Select(n => n.Source)))),
                        new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids))),
                    }
                },
            };
            await notes.Find(filter).Project(SourceOnly).ForEachAsync(found =>
                {
                    if (found.TryGetValue("source", out var source))
                        here.Add(source.AsString);
                    here.Add(found["_id"].AsObjectId.ToString());
                }, ct);
        }
        return here;
    }

    /// <summary>
    /// Stores the notes in batches, each note one document and so all or nothing. A batch that meets a note stored meanwhile (the same
    /// import running twice at once) goes again one note at a time: the embedded engine stores nothing of an insert holding one
    /// duplicate, MongoDB everything up to it. After each batch <paramref name="stored"/> runs, to tell that the import is alive.
    /// </summary>
    public async Task<(int Created, List<Note> Skipped)> InsertAsync(List<Note> toStore, Func<Task> stored, CancellationToken ct)
    {
        var (created, skipped) = (0, new List<Note>());
        foreach (var batch in toStore.Chunk(BatchSize))
        {
            try
            {
                await notes.InsertManyAsync(batch, cancellationToken: ct);
                created += batch.Length;
            }
            catch (Exception ex) when (IsDuplicate(ex))
            {
                foreach (var note in batch)
                {
                    if (await InsertOneAsync(note, ct))
                        created++;
                    else
                        skipped.Add(note);
                }
            }
            await stored();
        }
        return (created, skipped);
    }

    /// <summary>Whether this note is now stored by this import: inserted now, or by the batch that went before it one at a time.</summary>
    async Task<bool> InsertOneAsync(Note note, CancellationToken ct)
    {
        try
        {
            await notes.InsertOneAsync(note, cancellationToken: ct);
            return true;
        }
        catch (MongoException ex) when (ex.IsDuplicateKey())
        {
            return await notes.Find(n => n.Id == note.Id && n.OwnerId == note.OwnerId).AnyAsync(ct);
        }
    }

    static bool IsDuplicate(Exception ex) => ex switch
    {
        MongoBulkWriteException bulk => bulk.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoException mongo => mongo.IsDuplicateKey(),
        _ => false,
    };
}
