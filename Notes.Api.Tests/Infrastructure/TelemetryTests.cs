using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Mongo;
using Notes.Api.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>The app's tracing, as configured in production, exported to memory instead of over OTLP.</summary>
public sealed class TracedApi : ApiFactory
{
    public Spans Spans { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<ScopedLog> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.AddTo(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new ScopeRecorder(Logs)));
        builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => Telemetry.Traces(tracing).AddInMemoryExporter(Spans)));
    }
}

/// <summary>A log entry's message and the trace id its scopes carried, as the console formatter writes them with IncludeScopes.</summary>
public sealed record ScopedLog(string Message, string? TraceId);

/// <summary>A log provider that keeps each entry with the TraceId from its scopes (the logger factory's activity tracking).</summary>
public sealed class ScopeRecorder(System.Collections.Concurrent.ConcurrentQueue<ScopedLog> entries) : ILoggerProvider, ISupportExternalScope
{
    IExternalScopeProvider? _scopes;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    sealed class Logger(ScopeRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => recorder._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? traceId = null;
            recorder._scopes?.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "TraceId").Value is { } id)
                    traceId = id.ToString();
            }, (object?)null);
            recorder.Logs(new ScopedLog(formatter(state, exception), traceId));
        }
    }

    void Logs(ScopedLog entry) => entries.Enqueue(entry);
}

/// <summary>Ended spans as the exporter hands them over, from any thread.</summary>
public sealed class Spans : Collection<Activity>
{
    public Activity[] Snapshot()
    {
        lock (this)
            return [.. this];
    }

    /// <summary>
    /// The server span of the trace <paramref name="traceId"/> once it has ended (just after the response, on the server's side),
    /// with every MongoDB span of that trace.
    /// </summary>
    public async Task<(Activity Server, Activity[] Commands)> OfAsync(ActivityTraceId traceId)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); await Task.Yield())
        {
            var trace = Snapshot().Where(a => a.TraceId == traceId).ToArray();
            if (trace.FirstOrDefault(a => a.Kind == ActivityKind.Server) is { } server)
                return (server, trace.Where(a => a.Source.Name == MongoCommandSpans.SourceName).ToArray());
        }
        throw new TimeoutException($"no server span ended for trace {traceId}");
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (this)
            base.InsertItem(index, item);
    }
}

public sealed class TelemetryTests(TracedApi api) : IClassFixture<TracedApi>
{
    [Fact]
    public async Task A_list_request_has_a_server_span_with_a_child_span_for_each_MongoDB_command_it_sends()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("Traced note");

        var (response, traceId) = await TracedGetAsync(user.Client, "/api/notes?page=1&pageSize=20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (server, commands) = await api.Spans.OfAsync(traceId);
        Assert.Equal("GET api/notes", server.DisplayName); // the method and the route, as FastEndpoints writes it
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        // The session check, then the page and total in one aggregation (RoundTripTests holds the count).
        Assert.Equal(["aggregate sessions", "aggregate notes"], commands.OrderBy(c => c.StartTimeUtc).Select(c => c.DisplayName));
        Assert.All(commands, command =>
        {
            Assert.Equal(server.SpanId, command.ParentSpanId);
            Assert.Equal(ActivityKind.Client, command.Kind);
            Assert.Equal("mongodb", command.GetTagItem("db.system"));
            Assert.Equal("aggregate", command.GetTagItem("db.operation.name"));
            Assert.Equal(api.Database, command.GetTagItem("db.namespace"));
        });
        Assert.Equal(["sessions", "notes"], commands.OrderBy(c => c.StartTimeUtc).Select(c => c.GetTagItem("db.collection.name")));
    }

    [Fact]
    public async Task No_span_holds_a_token_a_password_or_a_note_s_text()
    {
        const string password = "a traced secret passphrase";
        const string wrongPassword = "a wrong traced passphrase";
        var user = await api.SignedInUserAsync(password: password);
        var anonymous = api.CreateClient();
        await anonymous.PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = wrongPassword });
        var note = await user.AddNoteAsync("Zanzibar expedition", "bring the quinoa flask");
        await user.Client.PostAsJsonAsync("/api/notes", new { title = "Ouagadougou plans", description = "marzipan heliotrope", tags = new[] { "xylophone" } });
        await user.ListNotesAsync("?search=zanzibar");
        await user.ListNotesAsync("?tag=xylophone");
        await user.PatchedNoteAsync(note.Id(), new { description = "walrus cardigan" });
        var refreshed = (await (await user.Client.PostAsync("/api/auth/refresh", null)).JsonAsync())["token"]!.GetValue<string>();
        var (_, last) = await TracedGetAsync(api.ClientWithToken(refreshed), "/api/auth/me");
        await api.Spans.OfAsync(last);

        var spans = api.Spans.Snapshot();
        Assert.Contains(spans, s => s.Source.Name == MongoCommandSpans.SourceName && s.GetTagItem("db.operation.name") is "insert");
        var text = string.Join('\n', spans.SelectMany(Everything));
        foreach (var secret in new[] { password, wrongPassword, "Zanzibar", "zanzibar", "quinoa", "Ouagadougou", "marzipan", "xylophone", "walrus" })
            Assert.DoesNotContain(secret, text);
        foreach (var token in new[] { user.Token, refreshed })
            Assert.DoesNotContain(token.Split('.')[2], text);
        Assert.DoesNotContain("eyJ", text); // any JWT: its header and payload are base64url JSON
    }

    [Fact]
    public async Task No_span_holds_a_personal_access_token_or_a_share_links_token_nor_their_hashes()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var accessToken = await user.CreateTokenAsync("write");
        var shareToken = (await user.ShareAsync(note.Id())).Token();
        var script = api.ClientWithToken(accessToken.Token);
        var (listed, byToken) = await TracedGetAsync(script, "/api/notes?page=1");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        await script.PostAsJsonAsync("/api/notes", new { title = "by a script" });
        var (read, byLink) = await TracedGetAsync(api.CreateClient(), $"/api/shared/{shareToken}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var unknownLink = BearerSecrets.New();
        await api.ReadSharedAsync(unknownLink); // a link that is no link: its token is in the path all the same
        var (_, last) = await TracedGetAsync(user.Client, "/api/auth/me");
        await api.Spans.OfAsync(last);

        var text = string.Join('\n', api.Spans.Snapshot().SelectMany(Everything));
        var accessSecret = accessToken.Token[AccessTokens.Prefix.Length..];
        foreach (var secret in new[] { accessToken.Token, accessSecret, accessSecret[..12], shareToken, shareToken[..12], unknownLink })
            Assert.DoesNotContain(secret, text);
        foreach (var hash in new[] { BearerSecrets.HashOf(accessSecret), BearerSecrets.HashOf(shareToken) })
            Assert.DoesNotContain(hash[..12], text, StringComparison.OrdinalIgnoreCase);
        var (tokenServer, tokenCommands) = await api.Spans.OfAsync(byToken);
        var (linkServer, linkCommands) = await api.Spans.OfAsync(byLink);
        // The spans were made, and looked the tokens up (by their hash) in MongoDB.
        Assert.Contains(tokenCommands, c => Equals(c.GetTagItem("db.collection.name"), CollectionNames.AccessTokens));
        Assert.Contains(linkCommands, c => Equals(c.GetTagItem("db.collection.name"), CollectionNames.Shares));
        Assert.Equal("/api/notes", tokenServer.GetTagItem("url.path"));
        Assert.Equal("/api/shared/{token}", linkServer.GetTagItem("url.path"));
    }

    [Fact]
    public async Task A_log_line_written_in_a_request_carries_its_trace_id_and_the_console_writes_it()
    {
        var user = await api.SignedInUserAsync();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = PeerAddress.Post("/api/auth/login", new { username = user.Username, password = "not the password at all" }, "203.0.113.7");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await api.CreateClient().SendAsync(request);

        var refused = Assert.Single(api.Logs, l => l.Message.Contains("203.0.113.7", StringComparison.Ordinal));
        Assert.Equal(traceId.ToString(), refused.TraceId);
        Assert.True(api.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_traced_or_measured()
    {
        IAsyncLifetime plain = new ApiFactory();
        await plain.InitializeAsync();
        try
        {
            Assert.Null(((ApiFactory)plain).Services.GetService<TracerProvider>());
            Assert.Null(((ApiFactory)plain).Services.GetService<MeterProvider>());
        }
        finally
        {
            await plain.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_are_sent_there()
    {
        using var collector = new HttpListener();
        var port = Loopback.FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new HashSet<string>();
        var receiving = Task.Run(async () =>
        {
            while (received.Count < 2)
            {
                var context = await collector.GetContextAsync();
                received.Add(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        IAsyncLifetime exporting = new OtlpApi($"http://127.0.0.1:{port}");
        await exporting.InitializeAsync();
        try
        {
            var user = await ((ApiFactory)exporting).SignedInUserAsync();
            await user.ListNotesAsync();

            Assert.Same(receiving, await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(20))));
            Assert.Equal(["/v1/metrics", "/v1/traces"], received.Order());
        }
        finally
        {
            await exporting.DisposeAsync();
        }
    }

    /// <summary>The standard variables, as an operator sets them; short export intervals so the test need not wait.</summary>
    sealed class OtlpApi(string endpoint) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings)
        {
            [Telemetry.OtlpEndpointKey] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        };
    }

    /// <summary>A GET that names its own trace (W3C traceparent), as a caller already tracing would: the server span joins it.</summary>
    static async Task<(HttpResponseMessage Response, ActivityTraceId TraceId)> TracedGetAsync(HttpClient client, string path)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return (await client.SendAsync(request), traceId);
    }

    /// <summary>Everything a span could show anyone: its name, status, every tag, event and link tag, and its baggage.</summary>
    static IEnumerable<string> Everything(Activity span) =>
    [
        span.DisplayName, span.OperationName, span.StatusDescription ?? "",
        .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
        .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}").Append(e.Name)),
        .. span.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"{t.Key}={t.Value}")),
        .. span.Baggage.Select(b => $"{b.Key}={b.Value}"),
    ];
}
