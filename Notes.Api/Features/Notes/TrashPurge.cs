using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes;

/// <summary>
/// Deletes for good the notes whose time in the trash is over, every minute on every instance. Until it has, such a note is
/// already out of reach (<see cref="Reachable"/>), so a late run only holds on to storage. Safe on several instances at once:
/// each deletes only notes still due, and a note another instance took first simply is not deleted twice.
/// </summary>
internal sealed class TrashPurge(NoteRemoval removal, TimeProvider clock, ILogger<TrashPurge> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

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

    /// <summary>Deletes every note due now, with its revisions, a batch at a time, and answers how many it deleted.</summary>
    public async Task<long> PurgeDueAsync(CancellationToken ct)
    {
        var purged = await removal.DeleteAllAsync(Builders<Note>.Filter.Lte(n => n.PurgeAt, clock.UtcNowForMongo()), ct);
        if (purged > 0)
            logger.LogInformation("Purged {Count} notes from the trash", purged);
        return purged;
    }
}
