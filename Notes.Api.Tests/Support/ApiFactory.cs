using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Support;

/// <summary>
/// The API in memory, on the real MongoDB driver over TCP, with a database of its own for one test class.
/// Subclasses change settings (a short token lifetime, a small sign-in limit) or bring their own engine.
/// The app reads time from <see cref="Clock"/>, so a test lets a session or a window expire by moving it, never by waiting.
/// The JWT handler alone judges a token's own exp and nbf by the system clock (IdentityModel takes no TimeProvider there),
/// so a test that uses tokens after moving the clock moves it less than their 30-second skew.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "a-test-signing-key-that-is-longer-than-32-bytes";

    public string Database { get; } = $"notes_test_{Guid.NewGuid():N}";

    public TestClock Clock { get; } = new();

    protected MongoEngine Engine { get; private set; } = null!;

    /// <summary>Configuration as the app reads it, keys and all; overrides the app's defaults.</summary>
    protected virtual Dictionary<string, string> Settings => new()
    {
        ["Mongo:ConnectionString"] = Engine.ConnectionString,
        ["Mongo:Database"] = Database,
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:BcryptWorkFactor"] = "4",
        // Every test registers its users from the one test client; RegisterThrottleTests sets a small limit of its own.
        ["Auth:RegistrationsPerHour"] = "100000",
        // On a starved shared machine a reply can take longer than the production default (1.4 s) without anything being down;
        // a test must not read that as an outage. The outage tests keep the default.
        ["Mongo:Timeout"] = "00:00:10",
    };

    protected virtual Task<MongoEngine> StartEngineAsync() => MongoEngine.Shared;

    public async Task InitializeAsync()
    {
        Engine = await StartEngineAsync();
        StartServer(); // now, so index creation runs before the first test (on the in-memory server or Kestrel alike)
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public IMongoDatabase Mongo() => Service<IMongoDatabase>();

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await Mongo().Client.DropDatabaseAsync(Database);
        }
        catch (MongoCommandException)
        {
            // The embedded engine has no dropDatabase (nor drop): empty the collections instead.
            foreach (var collection in CollectionNames.All)
                await Mongo().GetCollection<MongoDB.Bson.BsonDocument>(collection).DeleteManyAsync(FilterDefinition<MongoDB.Bson.BsonDocument>.Empty);
        }
        await DisposeAsync();
    }
}
