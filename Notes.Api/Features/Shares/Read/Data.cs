using MongoDB.Bson;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Shares.Read;

internal sealed class Data(IMongoCollection<Share> shares, IMongoCollection<Note> notes)
{
    /// <summary>
    /// The live link with this token's hash, counted as viewed in the same round trip: expiry is judged by time in the query, and a
    /// link that never expires has no expiresAt to be past. A find-and-modify does it, as no version is compared: the embedded engine
    /// finds first and then writes by id, which for a counter is the same.
    /// </summary>
    public Task<Share?> OpenAsync(string tokenHash, DateTime now, CancellationToken ct) =>
        shares.FindOneAndUpdateAsync<Share?>(
            new BsonDocument { { "tokenHash", tokenHash }, { "expiresAt", new BsonDocument("$not", new BsonDocument("$lte", now)) } },
            Builders<Share>.Update.Inc(s => s.Views, 1).Set(s => s.LastViewedAt, now),
            new FindOneAndUpdateOptions<Share, Share?> { ReturnDocument = ReturnDocument.After },
            ct);

    /// <summary>The note a link shows, while it is outside the trash: a link a race left on a trashed note shows nothing.</summary>
    public async Task<Response?> FindShownAsync(Share share, CancellationToken ct)
    {
        var note = await notes.Find(new BsonDocument("_id", ObjectId.Parse(share.NoteId)).AddRange(Reachable.OutsideTrash(share.OwnerId)))
            .FirstOrDefaultAsync(ct);
        return note is null ? null : new Response(note.Title, note.Description, note.UpdatedAt);
    }
}
