using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Notes.Api.Tests.Support;

/// <summary>One log entry as the app wrote it: its message, and each structured value apart.</summary>
public sealed record RecordedLog(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, Exception? Exception)
{
    /// <summary>Everything the entry could show anyone: the message, every structured value, and the exception with its inner ones.</summary>
    public string AllText => string.Join('\n', [Message, .. Fields.Select(f => $"{f.Key}={f.Value}"), Exception?.ToString() ?? ""]);
}

/// <summary>An API whose every log entry, at every level and from every category, is kept for the test to read.</summary>
public class RecordedLogsApi : ApiFactory
{
    public ConcurrentQueue<RecordedLog> Entries { get; } = new();

    /// <summary>All that was logged so far, as one text to search.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.AllText));

    /// <summary>The least severe level kept: all of them, unless a test needs only the errors.</summary>
    protected virtual LogLevel RecordedLevel => LogLevel.Trace;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.AddTo(builder);
        LogRecorder.AddTo(builder, Entries, RecordedLevel);
    }
}

/// <summary>A log provider that keeps every entry the app writes, from <c>least</c> severe up, in a queue the test reads.</summary>
public sealed class LogRecorder(ConcurrentQueue<RecordedLog> entries) : ILoggerProvider
{
    public static void AddTo(IWebHostBuilder builder, ConcurrentQueue<RecordedLog> entries, LogLevel least) =>
        // A filter for this provider alone: the app's own configuration (Logging:LogLevel) would otherwise hold it to Information.
        builder.ConfigureLogging(logging => logging.AddProvider(new LogRecorder(entries)).AddFilter<LogRecorder>(null, least));

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, entries);

    public void Dispose() { }

    sealed class CategoryLogger(string category, ConcurrentQueue<RecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> values
                ? values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?> { ["State"] = state?.ToString() };
            entries.Enqueue(new RecordedLog(category, logLevel, eventId, formatter(state, exception), fields, exception));
        }
    }
}
