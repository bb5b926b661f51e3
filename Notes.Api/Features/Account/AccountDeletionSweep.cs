namespace Notes.Api.Features.Account;

/// <summary>
/// Finishes account deletions that were interrupted (the database away, the instance stopped): every minute on every instance,
/// any account marked as being deleted for more than a minute is removed as <see cref="AccountData"/> removes it. A minute, so a
/// deletion still under way on another instance is left to it; finishing it twice would be harmless, only wasted work.
/// </summary>
internal sealed class AccountDeletionSweep(AccountData accounts, TimeProvider clock, ILogger<AccountDeletionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database away, most likely: the next tick tries again, and the host keeps serving.
                    logger.LogWarning(ex, "Finishing account deletions failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Finishes every deletion that began over a minute ago, and answers how many it finished.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var finished = 0;
        List<DeletingUser> batch;
        do
        {
            batch = await accounts.FindDeletingAsync(clock.GetUtcNow().UtcDateTime - Interval, ct);
            foreach (var user in batch)
            {
                await accounts.RemoveAsync(user, ct);
                logger.LogInformation("Finished deleting user {UserId}", user.Id);
            }
            finished += batch.Count;
        }
        while (batch.Count == AccountData.BatchSize);
        return finished;
    }
}
