using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Infrastructure.Mongo;

public sealed class EmbeddedEngineWarningTests(EmbeddedEngineWarningTests.CrowdedEngine api) : IClassFixture<EmbeddedEngineWarningTests.CrowdedEngine>
{
    /// <summary>An API that starts on an embedded engine of its own whose notes are one past the warning's limit.</summary>
    public sealed class CrowdedEngine : RecordedLogsApi
    {
        protected override async Task<MongoEngine> StartEngineAsync()
        {
            var engine = await MongoEngine.StartOwnAsync();
            var notes = new MongoClient(engine.ConnectionString).GetDatabase(Database).GetCollection<BsonDocument>(CollectionNames.Notes);
            // Stored with their search text, as this version stores notes, so the upgrade of older notes leaves them be.
            // One insertMany: the engine's index scan is paid once for the batch, not once for each of the 2,001 notes.
            await notes.InsertManyAsync(Enumerable.Range(0, (int)EmbeddedEngineWarning.DocumentsPerCollection + 1)
                .Select(i => new BsonDocument { ["ownerId"] = ObjectId.GenerateNewId(), ["title"] = $"Note {i}", ["searchText"] = $"note {i}\n" }));
            return engine;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Engine.DisposeAsync();
        }
    }

    [Fact]
    public void Start_up_on_the_embedded_engine_past_2000_documents_warns_once_naming_the_collection_and_the_migration_command()
    {
        var warning = Assert.Single(api.Entries, e => e.Category == typeof(EmbeddedEngineWarning).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(CollectionNames.Notes, warning.Fields["Collection"]);
        Assert.Contains("./run.sh --migrate-to", warning.Message);
    }
}

public sealed class EmbeddedEngineQuietTests(RecordedLogsApi api) : IClassFixture<RecordedLogsApi>
{
    [Fact]
    public void Start_up_with_small_collections_gives_no_warning()
    {
        Assert.DoesNotContain(api.Entries, e => e.Category == typeof(EmbeddedEngineWarning).FullName);
    }
}
