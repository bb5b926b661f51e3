using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes;

/// <summary>
/// Deletes for good the notes whose time in the trash is over, every minute on every instance. Until it has, such a note is
/// already out of reach (<see cref="Reachable"/>), so a late run only holds on to storage. Safe on several instances at once:
/// each deletes only notes still due, and a note another instance took first simply is not deleted twice.
/// </summary>
internal sealed class TrashPurge(IMongoCollection<Note> notes, TimeProvider clock, ILogger<TrashPurge> logger) : BackgroundService
{
    /// <summary>Small, so one delete stays well within the client's timeout on the embedded engine as on MongoDB.</summary>
    public const int BatchSize = 100;

    static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    static readonly ProjectionDefinition<Note> IdOnly = Builders<Note>.Projection.Include("_id");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PurgeDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database away, most likely: the next tick tries again, and the host keeps serving.
                    logger.LogWarning(ex, "Purging the trash failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every note due now, a batch at a time, and answers how many it deleted.</summary>
    public async Task<long> PurgeDueAsync(CancellationToken ct)
    {
        var now = clock.UtcNowForMongo();
        var due = Builders<Note>.Filter.Lte(n => n.PurgeAt, now);
        long purged = 0;
        List<BsonValue> batch;
        do
        {
            // Ids only, read from documents rather than by a typed projection: the embedded engine ignores projections and sends
            // whole notes, which a typed one cannot read.
            batch = [.. (await notes.Find(due).Project(IdOnly).Limit(BatchSize).ToListAsync(ct)).Select(n => n["_id"])];
            if (batch.Count > 0)
                purged += (await notes.DeleteManyAsync(Builders<Note>.Filter.In("_id", batch) & due, ct)).DeletedCount;
        }
        while (batch.Count == BatchSize);
        if (purged > 0)
            logger.LogInformation("Purged {Count} notes from the trash", purged);
        return purged;
    }
}
