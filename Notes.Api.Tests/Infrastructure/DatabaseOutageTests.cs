using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// An API on an engine the test may freeze, with the production timeout. It keeps every log entry the app writes, and the
/// status each request left the app with, even one its client no longer waits for.
/// </summary>
public class PausableDatabaseApi : PausableApi
{
    public ConcurrentQueue<RecordedLog> Logs { get; } = new();

    /// <summary>Requests, by path and query, once the app is done with them, and the status they ended with.</summary>
    public ConcurrentDictionary<string, int> Finished { get; } = new();

    /// <summary>The production default timeout, which these tests are about.</summary>
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = base.Settings;
            settings.Remove("Mongo:Timeout");
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LogRecorder.AddTo(builder, Logs, LogLevel.Trace);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FinishRecorder(Finished)));
    }

    /// <summary>Outside all of the app's middleware, so it sees the status the app's error handling settled on.</summary>
    sealed class FinishRecorder(ConcurrentDictionary<string, int> finished) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, rest) =>
            {
                try
                {
                    await rest(http);
                }
                finally
                {
                    finished[$"{http.Request.Path}{http.Request.QueryString}"] = http.Response.StatusCode;
                }
            });
            next(app);
        };
    }
}

[Trait("Category", "Slow")]
public sealed class DatabaseOutageTests(PausableDatabaseApi api, ITestOutputHelper output) : IClassFixture<PausableDatabaseApi>
{
    const string SomeNoteId = "0123456789abcdef01234567";

    /// <summary>
    /// What the README promises for every request, the first after the outage began included: the driver's timeouts (MongoSetup)
    /// put each answer at about 1.5 seconds, or 2.2 when the driver retries (one reply's wait, then half of one to choose the server again).
    /// </summary>
    static readonly TimeSpan Promised = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task While_the_database_is_unreachable_every_endpoint_answers_503_with_Retry_After_and_all_recover_when_it_returns()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Kept through the outage");
        var anonymous = api.CreateClient();

        api.PausableEngine.Pause();
        try
        {
            foreach (var (client, request) in EveryEndpoint(anonymous, user))
            {
                var call = $"{request.Method} {request.RequestUri}";
                var clock = Stopwatch.StartNew();
                var response = await client.SendAsync(request).WaitAsync(Promised);
                output.WriteLine($"{call}: {(int)response.StatusCode} after {clock.ElapsedMilliseconds} ms");

                var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Equal("The database is unavailable. Try again shortly.", problem["detail"]!.GetValue<string>());
                Assert.Equal("5", Assert.Single(response.Headers.GetValues("Retry-After")));
            }
        }
        finally
        {
            api.PausableEngine.Resume();
        }

        // The same app, never restarted, serves again. The commands sent during the outage may still run once the engine wakes
        // (logout-all among them), so the user signs in afresh.
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(() => anonymous.GetAsync("/healthz")));
        var again = api.ClientWithToken(await api.SignInAsync(user.Username));
        var list = await (await again.GetAsync("/api/notes")).JsonAsync();
        Assert.Contains(note.Id(), list["items"]!.AsArray().Select(n => n!.Id()));
    }

    [Fact]
    public async Task A_request_its_client_abandons_while_the_database_is_unreachable_is_not_logged_as_a_server_error()
    {
        var user = await api.SignedInUserAsync();
        var logsBefore = api.Logs.Count;

        api.PausableEngine.Pause();
        try
        {
            using var abandon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => user.Client.GetAsync("/api/notes?search=abandoned", abandon.Token));

            var status = await EventuallyAsync(() => api.Finished.TryGetValue("/api/notes?search=abandoned", out var finished) ? (int?)finished : null);
            output.WriteLine($"The abandoned request ended with {status}");
            Assert.NotEqual(StatusCodes.Status500InternalServerError, status);
        }
        finally
        {
            api.PausableEngine.Resume();
        }

        Assert.DoesNotContain(api.Logs.Skip(logsBefore), e => e.Level >= LogLevel.Error);
    }

    /// <summary>Every endpoint the API has, called the way a client would, with the user's token where the endpoint needs one.</summary>
    static IEnumerable<(HttpClient Client, HttpRequestMessage Request)> EveryEndpoint(HttpClient anonymous, TestUser user)
    {
        var note = new { title = "Written during the outage", description = "" };
        yield return (anonymous, new(HttpMethod.Get, "/healthz"));
        yield return (anonymous, new(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { username = Users.NewName(), password = Users.Password }) });
        yield return (anonymous, new(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { username = user.Username, password = user.Password }) });
        yield return (user.Client, new(HttpMethod.Get, "/api/auth/me"));
        yield return (user.Client, new(HttpMethod.Post, "/api/auth/refresh"));
        yield return (user.Client, new(HttpMethod.Post, "/api/auth/logout"));
        yield return (user.Client, new(HttpMethod.Post, "/api/auth/logout-all"));
        yield return (user.Client, new(HttpMethod.Get, "/api/notes"));
        yield return (user.Client, new(HttpMethod.Get, $"/api/notes/{SomeNoteId}"));
        yield return (user.Client, new(HttpMethod.Post, "/api/notes") { Content = JsonContent.Create(note) });
        yield return (user.Client, new(HttpMethod.Put, $"/api/notes/{SomeNoteId}") { Content = JsonContent.Create(note), Headers = { { "If-Match", "\"1\"" } } });
        yield return (user.Client, new(HttpMethod.Delete, $"/api/notes/{SomeNoteId}"));
    }

    /// <summary>The status of the first 200 within 30 seconds, or of the last attempt.</summary>
    static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpResponseMessage>> request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = (await request()).StatusCode;
            if (status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(250);
        }
    }

    /// <summary>The first value that is there within 10 seconds.</summary>
    static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (probe() is { } found)
                return found;
            Assert.True(DateTime.UtcNow < deadline, "nothing turned up within 10 seconds");
            await Task.Delay(100);
        }
    }
}

[Trait("Category", "Slow")]
public sealed class DatabaseLateAtStartTests
{
    /// <summary>An engine that is frozen when the app starts and wakes a few seconds later, as when both are started together.</summary>
    sealed class LateDatabaseApi : PausableDatabaseApi
    {
        protected override async Task<MongoEngine> StartEngineAsync()
        {
            var engine = await base.StartEngineAsync();
            engine.Pause();
            _ = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => engine.Resume(), TaskScheduler.Default);
            return engine;
        }
    }

    [Fact]
    public async Task The_app_waits_at_start_up_for_a_database_that_answers_only_seconds_later()
    {
        await using var api = new LateDatabaseApi();

        await ((IAsyncLifetime)api).InitializeAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/healthz")).StatusCode);
    }
}
