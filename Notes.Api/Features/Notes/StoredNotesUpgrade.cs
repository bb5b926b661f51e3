using MongoDB.Bson;

namespace Notes.Api.Features.Notes;

/// <summary>
/// Notes stored before pins, tags, the archive, the trash and folded search existed read as unpinned, untagged and active, but
/// the list filters and sorts on those fields and searches the folded text: at start-up this gives such notes the fields, in
/// batches, so no one has to run a migration. Safe on every start and on several instances at once: it reads only notes that lack
/// the folded text, and writes each only while it still does.
/// </summary>
internal sealed class StoredNotesUpgrade(IMongoCollection<Note> notes, ILogger<StoredNotesUpgrade> logger) : IHostedService
{
    // One bulk write per batch. Small, because the embedded engine takes about 30 ms for each update once it holds 2,000 notes,
    // and a batch must answer within the client's timeout (1.4 s by default).
    const int BatchSize = 20;

    static readonly BsonDocument StoredBefore = new("searchText", new BsonDocument("$exists", false));

    public async Task StartAsync(CancellationToken ct)
    {
        var upgraded = 0;
        while (await notes.Find(StoredBefore).Limit(BatchSize).ToListAsync(ct) is { Count: > 0 } batch)
        {
            var writes = batch.Select(note => new UpdateOneModel<Note>(
                new BsonDocument("_id", ObjectId.Parse(note.Id)).AddRange(StoredBefore),
                Builders<Note>.Update
                    .Set(n => n.SearchText, SearchText.Of(note.Title ?? "", note.Description ?? ""))
                    .Set(n => n.Pinned, false)
                    .Set(n => n.Tags, [])
                    .Set(n => n.Archived, false)
                    .Set(n => n.TrashedAt, null)
                    .Set(n => n.PurgeAt, null)));
            await notes.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, ct);
            upgraded += batch.Count;
        }
        if (upgraded > 0)
            logger.LogInformation("Gave {Count} notes stored before tags and the trash their new fields", upgraded);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
