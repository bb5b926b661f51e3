using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notes.Api.Infrastructure.Telemetry;
using Notes.Api.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace Notes.Api.Tests.Features.Shares;

public sealed class LinkPrivacyTests(LinkPrivacyTests.Factory api) : IClassFixture<LinkPrivacyTests.Factory>
{
    /// <summary>Every log entry at every level, every scope it was written in, and every span, as production would trace them.</summary>
    public sealed class Factory : RecordedLogsApi
    {
        public Spans Spans { get; } = new();

        public ConcurrentQueue<string> Scopes { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ScopeTexts(Scopes)).AddFilter<ScopeTexts>(null, LogLevel.Trace));
            builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => Telemetry.Traces(tracing).AddInMemoryExporter(Spans)));
        }
    }

    [Fact]
    public async Task No_log_entry_scope_or_span_holds_a_links_token_from_the_api_or_the_page_and_the_audit_trail_tells_who_shared_and_revoked()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());
        var token = share.Token();
        var unknown = new string('A', 43);
        var traceId = ActivityTraceId.CreateRandom();
        using (var traced = new HttpRequestMessage(HttpMethod.Get, $"/api/shared/{token}"))
        {
            traced.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(traced)).StatusCode);
        }
        await api.ReadSharedAsync(unknown);
        await api.CreateClient().GetAsync($"/s/{token}");
        await api.CreateClient().PostAsync($"/api/shared/{token}", null); // a wrong method: answered before any endpoint
        Assert.Equal(HttpStatusCode.NoContent, (await user.RevokeShareAsync(note.Id(), share.Id())).StatusCode);
        await api.ReadSharedAsync(token);
        var (server, _) = await api.Spans.OfAsync(traceId);

        var logs = api.AllText;
        var scopes = string.Join('\n', api.Scopes);
        var spans = string.Join('\n', api.Spans.Snapshot().SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)));
        foreach (var secret in new[] { token, unknown, token[..20] })
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, scopes);
            Assert.DoesNotContain(secret, spans);
        }
        // The recorders did hear the requests: their addresses are there, with the token replaced.
        Assert.Contains("/api/shared/{token}", logs);
        Assert.Contains("/s/{token}", logs);
        Assert.Contains("RequestPath:/api/shared/{token}", scopes);
        Assert.Equal("/api/shared/{token}", server.GetTagItem("url.path"));

        var audit = api.Entries.Where(e => e.Category == "Notes.Api.Audit").ToList();
        var created = Assert.Single(audit, e => e.EventId.Id == 1020);
        Assert.Equal(("ShareCreated", user.Id, note.Id(), share.Id()), (created.EventId.Name, created.Fields["UserId"], created.Fields["NoteId"], created.Fields["ShareId"]));
        var revoked = Assert.Single(audit, e => e.EventId.Id == 1021);
        Assert.Equal(("ShareRevoked", user.Id, share.Id()), (revoked.EventId.Name, revoked.Fields["UserId"], revoked.Fields["ShareId"]));
    }

    /// <summary>Each scope an entry was written in, as text: what the console writes of it with IncludeScopes.</summary>
    sealed class ScopeTexts(ConcurrentQueue<string> scopes) : ILoggerProvider, ISupportExternalScope
    {
        IExternalScopeProvider? _scopes;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        sealed class Logger(ScopeTexts recorder) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => recorder._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                recorder._scopes?.ForEachScope((scope, texts) =>
                {
                    texts.Enqueue(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                        texts.Enqueue(string.Join(' ', values.Select(v => $"{v.Key}={v.Value}")));
                }, recorder._texts);
        }

        readonly ConcurrentQueue<string> _texts = scopes;
    }
}
