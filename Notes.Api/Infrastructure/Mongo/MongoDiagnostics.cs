using System.Collections.Frozen;
using MongoDB.Driver.Core.Events;
using Notes.Api.Infrastructure.Telemetry;

namespace Notes.Api.Infrastructure.Mongo;

/// <summary>
/// A diagnostics mode (<c>Diagnostics:CountMongoCommands=true</c>) that counts the commands the app sends to MongoDB, so the
/// benchmark and the tests can tell how many round trips a request costs. Off by default: then nothing listens to the driver
/// and the count is not served at all.
/// </summary>
internal static class MongoDiagnostics
{
    public const string EnabledKey = "Diagnostics:CountMongoCommands";
    public const string CountPath = "/diagnostics/mongo-commands";

    // A new pooled connection's handshake (and authentication) is the pool's cost, not a request's: neither counted nor traced.
    static readonly FrozenSet<string> ConnectionSetUp = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "hello", "isMaster", "saslStart", "saslContinue");

    /// <summary>
    /// Called where the client is built: the driver's command events, subscribed to once, feed the count in diagnostics mode
    /// and the command spans when a tracer is configured; with neither, nothing listens to the driver.
    /// </summary>
    public static void ObserveCommands(IServiceProvider services, MongoClientSettings settings)
    {
        var counter = IsEnabled(services.GetRequiredService<IConfiguration>()) ? services.GetRequiredService<MongoCommandCounter>() : null;
        var spans = MongoCommandSpans.IfTracing(services);
        if (counter is null && spans is null)
            return;
        settings.ClusterConfigurator = cluster =>
        {
            cluster.Subscribe<CommandStartedEvent>(e =>
            {
                if (ConnectionSetUp.Contains(e.CommandName))
                    return;
                counter?.Increment();
                spans?.Start(e);
            });
            if (spans is null)
                return;
            cluster.Subscribe<CommandSucceededEvent>(spans.Succeeded);
            cluster.Subscribe<CommandFailedEvent>(spans.Failed);
        };
    }

    /// <summary>Serves the running count in diagnostics mode only; a reader takes the difference across the requests it made.</summary>
    public static void MapMongoCommandCount(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
            app.MapGet(CountPath, (MongoCommandCounter counter) => new { commands = counter.Count }).ExcludeFromDescription();
    }

    static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);
}

internal sealed class MongoCommandCounter
{
    long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
