using MongoDB.Bson;

namespace Notes.Api.Features.Notes;

/// <summary>
/// The one way notes are deleted for good, for every slice and job that deletes some: each note first, then its links and its
/// revisions. A note is never left without the history it had; a link or a revision left by a crash between the two is out of every
/// answer with its note.
/// </summary>
internal sealed class NoteRemoval(IMongoCollection<Note> notes, IMongoCollection<Revision> revisions, IMongoCollection<Share> shares)
{
    /// <summary>Small, so one delete stays well within the client's timeout on the embedded engine as on MongoDB.</summary>
    public const int BatchSize = 100;

    static readonly ProjectionDefinition<Note> IdAndOwner = Builders<Note>.Projection.Include("_id").Include(n => n.OwnerId);

    /// <summary>Deletes the owner's note if it matches <paramref name="reachable"/>, then its revisions; answers whether it did.</summary>
    public async Task<bool> DeleteOneAsync(string id, string ownerId, FilterDefinition<Note> reachable, CancellationToken ct)
    {
        if ((await notes.DeleteOneAsync(reachable, ct)).DeletedCount == 0)
            return false;
        await shares.DeleteManyAsync(s => s.OwnerId == ownerId && s.NoteId == id, ct);
        await revisions.DeleteManyAsync(r => r.OwnerId == ownerId && r.NoteId == id, ct);
        return true;
    }

    /// <summary>Deletes every note that matches <paramref name="match"/>, a batch at a time, each batch's links and revisions after it; answers how many notes went.</summary>
    public async Task<long> DeleteAllAsync(FilterDefinition<Note> match, CancellationToken ct)
    {
        long deleted = 0;
        int found;
        do
        {
            // Ids and owners read from documents rather than by a typed projection: the embedded engine ignores projections and sends
            // whole notes, which a typed one cannot read.
            var batch = await notes.Find(match).Project(IdAndOwner).Limit(BatchSize).ToListAsync(ct);
            found = batch.Count;
            if (found == 0)
                break;
            var ids = batch.Select(n => n["_id"]).ToList();
            var went = (await notes.DeleteManyAsync(Builders<Note>.Filter.In("_id", ids) & match, ct)).DeletedCount;
            deleted += went;
            // A note that stopped matching between the two (restored from the trash, say) keeps its history: it is still there.
            var owners = batch.Select(n => n["ownerId"]).Distinct().ToList();
            if (went < found)
            {
                var kept = await notes.Find(Builders<Note>.Filter.In("ownerId", owners) & Builders<Note>.Filter.In("_id", ids)).Project(IdAndOwner).ToListAsync(ct);
                ids.RemoveAll(id => kept.Any(n => n["_id"] == id));
            }
            if (ids.Count > 0)
            {
                await shares.DeleteManyAsync(Builders<Share>.Filter.In("ownerId", owners) & Builders<Share>.Filter.In("noteId", ids), ct);
                await revisions.DeleteManyAsync(Builders<Revision>.Filter.In("ownerId", owners) & Builders<Revision>.Filter.In("noteId", ids), ct);
            }
        }
        while (found == BatchSize);
        return deleted;
    }
}
