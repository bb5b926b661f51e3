using System.Collections.Concurrent;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver.Core.Events;
using OpenTelemetry.Trace;

namespace Notes.Api.Infrastructure.Telemetry;

/// <summary>
/// A client span per MongoDB command, from the driver's command events, a child of the request that sent it: named by the
/// command and the collection ("find notes"), tagged with them and the database, never with the command's values (filters,
/// documents) nor a failure's message (a duplicate key error quotes the key).
/// </summary>
internal sealed class MongoCommandSpans
{
    public const string SourceName = "NotesSlices.MongoDB";

    static readonly ActivitySource Source = new(SourceName);

    // A command's events come on no one async flow, so the span is found again by the driver's request id (unique per process).
    readonly ConcurrentDictionary<long, Activity> _running = new();

    /// <summary>The spans when a tracer is configured (see <see cref="Telemetry"/>); null otherwise, and nothing listens.</summary>
    public static MongoCommandSpans? IfTracing(IServiceProvider services) =>
        services.GetService<TracerProvider>() is null ? null : new MongoCommandSpans();

    public void Start(CommandStartedEvent e)
    {
        var collection = CollectionOf(e.Command, e.CommandName);
        var parent = Activity.Current;
        var activity = Source.StartActivity(collection is null ? e.CommandName : $"{e.CommandName} {collection}", ActivityKind.Client);
        // Not the current activity: whatever the request does next is not the command's child.
        Activity.Current = parent;
        if (activity is null)
            return;
        activity.SetTag("db.system", "mongodb");
        activity.SetTag("db.system.name", "mongodb");
        activity.SetTag("db.operation.name", e.CommandName);
        activity.SetTag("db.collection.name", collection);
        activity.SetTag("db.namespace", e.DatabaseNamespace.DatabaseName);
        _running[e.RequestId] = activity;
    }

    public void Succeeded(CommandSucceededEvent e)
    {
        if (_running.TryRemove(e.RequestId, out var activity))
            activity.Stop();
    }

    public void Failed(CommandFailedEvent e)
    {
        if (!_running.TryRemove(e.RequestId, out var activity))
            return;
        activity.SetStatus(ActivityStatusCode.Error, e.Failure.GetType().Name);
        activity.SetTag("error.type", e.Failure.GetType().FullName);
        if (e.Failure is MongoCommandException command)
            activity.SetTag("db.response.status_code", command.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        activity.Stop();
    }

    /// <summary>The collection a command names as its first element (find, aggregate, insert...), or getMore's "collection".</summary>
    static string? CollectionOf(BsonDocument command, string commandName) =>
        command.TryGetValue(commandName, out var target) && target.IsString ? target.AsString
        : command.TryGetValue("collection", out var named) && named.IsString ? named.AsString
        : null;
}
