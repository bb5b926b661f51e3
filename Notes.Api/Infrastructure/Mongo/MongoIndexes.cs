namespace Notes.Api.Infrastructure.Mongo;

/// <summary>Creates every index at start-up; creating an index that already exists is a no-op, so this is safe on every start.</summary>
internal sealed class MongoIndexes(
    IMongoCollection<User> users,
    IMongoCollection<Session> sessions,
    IMongoCollection<Note> notes,
    IMongoCollection<Throttle> throttles,
    ILogger<MongoIndexes> logger) : IHostedService
{
    // TTL removal only tidies up: expiry is also enforced by time in every query, since the TTL monitor runs once a minute.
    // Sessions linger a minute past expiry so a token inside its clock skew still reads as expired, not revoked.
    static readonly TimeSpan SessionLinger = TimeSpan.FromMinutes(1);

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
        await users.Indexes.CreateOneAsync(
            new CreateIndexModel<User>(Builders<User>.IndexKeys.Ascending(u => u.UsernameKey), new() { Unique = true }), cancellationToken: ct);

        await sessions.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<Session>(Builders<Session>.IndexKeys.Ascending(s => s.ExpiresAt), new() { ExpireAfter = SessionLinger }),
            new CreateIndexModel<Session>(Builders<Session>.IndexKeys.Ascending(s => s.UserId)),
        ], ct);

        // One per sort the list offers, each ending in the id tie-breaker, so a page is read in index order with no in-memory sort.
        var byOwner = Builders<Note>.IndexKeys;
        await notes.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<Note>(byOwner.Ascending(n => n.OwnerId).Descending(n => n.UpdatedAt).Descending(n => n.Id)),
            new CreateIndexModel<Note>(byOwner.Ascending(n => n.OwnerId).Descending(n => n.CreatedAt).Descending(n => n.Id)),
            new CreateIndexModel<Note>(
                byOwner.Ascending(n => n.OwnerId).Ascending(n => n.Title).Ascending(n => n.Id),
                new CreateIndexOptions { Collation = Features.Notes.List.Data.TitleOrder }),
        ], ct);

        await throttles.Indexes.CreateOneAsync(
            new CreateIndexModel<Throttle>(Builders<Throttle>.IndexKeys.Ascending(t => t.WindowEndsAt), new() { ExpireAfter = TimeSpan.Zero }),
            cancellationToken: ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
