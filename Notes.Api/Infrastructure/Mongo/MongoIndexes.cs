namespace Notes.Api.Infrastructure.Mongo;

/// <summary>Creates one collection's indexes, as its registration declares them.</summary>
internal sealed record CollectionIndexes(Func<CancellationToken, Task> CreateAsync);

/// <summary>
/// Creates every collection's indexes (declared with the collection, in MongoSetup) at start-up; creating an index that already
/// exists is a no-op, so this is safe on every start.
/// </summary>
internal sealed class MongoIndexes(IEnumerable<CollectionIndexes> collections, ILogger<MongoIndexes> logger) : IHostedService
{
    // The database may still be on its way when the app starts (started together with it, or failing over), and each attempt
    // gives up as soon as a request would (Mongo:Timeout): start-up keeps trying for a while before it fails.
    static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await CreateAllAsync(ct);
                break;
            }
            catch (Exception ex) when (MongoErrors.IsUnavailable(ex) && waited.Elapsed < StartupPatience)
            {
                logger.LogWarning("MongoDB is not answering yet; trying again to create the indexes");
                await Task.Delay(RetryPause, ct);
            }
        }

        logger.LogInformation("MongoDB indexes are in place");
    }

    async Task CreateAllAsync(CancellationToken ct)
    {
        foreach (var collection in collections)
            await collection.CreateAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
