using MongoDB.Bson;

namespace Notes.Api.Infrastructure.Mongo;

/// <summary>
/// Warns once at start-up when the app runs on the embedded engine (./run.sh without a connection string) with a collection
/// grown past what that engine is for: its writes check each unique index by a linear scan, so an add took about 8 ms here
/// with 1,000 documents in a collection and about 500 ms with 8,000. Against MongoDB it costs one buildInfo.
/// </summary>
internal sealed partial class EmbeddedEngineWarning(IMongoDatabase database, ILogger<EmbeddedEngineWarning> logger) : IHostedService
{
    public const long DocumentsPerCollection = 2_000;

    // The embedded engine names itself in buildInfo's gitVersion; MongoDB puts a commit hash there.
    const string EmbeddedEngineBuild = "jongodb";

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var build = await database.Client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: ct);
            if (build.GetValue("gitVersion", "").ToString() != EmbeddedEngineBuild)
                return;

            foreach (var name in CollectionNames.All)
            {
                var count = await database.GetCollection<BsonDocument>(name).EstimatedDocumentCountAsync(cancellationToken: ct);
                if (count > DocumentsPerCollection)
                {
                    CollectionTooLargeForTheEmbeddedEngine(name, count, DocumentsPerCollection);
                    return;
                }
            }
        }
        catch (Exception ex) when (MongoErrors.IsUnavailable(ex))
        {
            // Advice only: a database that is away is the readiness check's to report, and must not stop the start.
        }
    }

    [LoggerMessage(1, LogLevel.Warning,
        "The embedded engine holds {Count} documents in {Collection}, past the {Limit} it is meant for: each write there slows as a "
        + "collection grows. Move to a real MongoDB with ./run.sh --migrate-to <connection string>, then start with Mongo__ConnectionString set.")]
    partial void CollectionTooLargeForTheEmbeddedEngine(string collection, long count, long limit);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
