using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Notes.Api.Infrastructure.Telemetry;

/// <summary>
/// Keeps the secret in a private link's address (<see cref="PrivateLinks"/>) out of every log entry, whoever writes it: the host
/// writes a request's path whole, in the scope every entry of the request carries (RequestPath) and in its request lines, before any
/// middleware could step in. So the app's logger factory itself hands out loggers that rewrite such an address in a message, its
/// structured values and its scopes, for every provider (the console, and any a test or an operator adds).
/// </summary>
internal static class PrivateLinkRedaction
{
    public static IServiceCollection AddPrivateLinks(this IServiceCollection services, params string[] prefixes)
    {
        services.AddSingleton(new PrivateLinks(prefixes));
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetRequiredService<IOptions<LoggerFactoryOptions>>()),
            sp.GetRequiredService<PrivateLinks>())));
        return services;
    }

    sealed class RedactingLoggerFactory(ILoggerFactory inner, PrivateLinks links) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), links);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    sealed class RedactingLogger(ILogger inner, PrivateLinks links) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            Redacted(state) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Only entries that get this far are enabled ones; most hold no address at all and pass as they are.
            if (Redacted(state) is { } redacted)
                inner.Log(logLevel, eventId, redacted, exception, (_, e) => links.Redact(formatter(state, e)));
            else
                inner.Log(logLevel, eventId, state, exception, formatter);
        }

        /// <summary>The state with every private address rewritten, or null when it holds none.</summary>
        RedactedValues? Redacted<TState>(TState state)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> values)
                return state?.ToString() is { } text && links.AppearsIn(text) ? new RedactedValues([], links.Redact(text)) : null;
            if (!values.Any(v => TextOf(v.Value) is { } text && links.AppearsIn(text)))
                return null;
            return new RedactedValues(
                [.. values.Select(v => TextOf(v.Value) is { } text ? new KeyValuePair<string, object?>(v.Key, links.Redact(text)) : v)],
                links.Redact(state.ToString() ?? ""));
        }

        /// <summary>A value as text when it could hold an address: numbers, dates and the like cannot.</summary>
        static string? TextOf(object? value) => value is null or IFormattable or bool ? null : value.ToString();
    }

    /// <summary>Structured values as a log provider reads them (each apart, or as one text), with the addresses rewritten.</summary>
    sealed class RedactedValues(List<KeyValuePair<string, object?>> values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => text;
    }
}
