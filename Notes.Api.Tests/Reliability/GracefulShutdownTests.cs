using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Notes.Api.Tests.Reliability;

/// <summary>The API as it is deployed: its own process, on a real socket, stopped the way a supervisor stops it.</summary>
[Trait("Category", "Slow")]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    const int SlowSignIns = 3;

    [Fact]
    public async Task On_SIGTERM_the_api_stops_taking_connections_finishes_the_requests_in_flight_and_exits_0()
    {
        var engine = await MongoEngine.Shared;
        using var api = new ApiProcess(engine);
        using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await api.WaitUntilHealthyAsync(client);
            var credentials = new { username = Users.NewName(), password = Users.Password };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/auth/register", credentials)).StatusCode);

            // bcrypt at a high cost keeps each sign-in busy for a second or more, long after the signal.
            var signIns = Enumerable.Range(0, SlowSignIns).Select(_ => client.PostAsJsonAsync("/api/auth/login", credentials)).ToArray();
            await api.WaitForLogAsync(log => log.Count(line => line.Contains("Request starting") && line.Contains("/api/auth/login")) == SlowSignIns);

            api.Terminate();
            var refusedWhileSigningIn = await api.WaitUntilConnectionsAreRefusedAsync() && !signIns.All(s => s.IsCompleted);

            foreach (var signIn in await Task.WhenAll(signIns))
            {
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
                Assert.False(string.IsNullOrEmpty((await signIn.JsonAsync())["token"]?.GetValue<string>()));
            }
            Assert.True(refusedWhileSigningIn, "new connections were still taken while the sign-ins were under way");
            Assert.Equal(0, await api.ExitCodeAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            output.WriteLine(string.Join('\n', api.Log));
            await api.DropDatabaseAsync();
        }
    }

    /// <summary>
    /// <c>dotnet Notes.Api.dll</c> from the build the tests run, in Production, on a free loopback port and a database of its own,
    /// with the framework's request log on so the test can see a request arrive.
    /// </summary>
    sealed class ApiProcess : IDisposable
    {
        readonly Process _process;
        readonly int _port = Loopback.FreePort();
        readonly string _database = $"notes_test_{Guid.NewGuid():N}";
        readonly MongoEngine _engine;

        public ApiProcess(MongoEngine engine)
        {
            _engine = engine;
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Notes.Api.dll"), "--contentRoot", Path.Combine(Repository.Root, "Notes.Api")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}",
                    ["Mongo__ConnectionString"] = engine.ConnectionString,
                    ["Mongo__Database"] = _database,
                    ["Auth__SigningKey"] = ApiFactory.SigningKey,
                    ["Auth__BcryptWorkFactor"] = "13",
                    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                },
            };
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, line) => Log.Enqueue(line.Data ?? "");
            _process.ErrorDataReceived += (_, line) => Log.Enqueue(line.Data ?? "");
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public Uri Address => new($"http://127.0.0.1:{_port}");

        public ConcurrentQueue<string> Log { get; } = new();

        public async Task WaitUntilHealthyAsync(HttpClient client)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                Assert.False(_process.HasExited, "the API exited before it was healthy");
                try
                {
                    if ((await client.GetAsync("/healthz", timeout.Token)).StatusCode == HttpStatusCode.OK)
                        return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200, timeout.Token);
            }
        }

        public async Task WaitForLogAsync(Func<IReadOnlyCollection<string>, bool> seen)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!seen(Log))
                await Task.Delay(50, timeout.Token);
        }

        /// <summary>SIGTERM, as systemd, Docker and Kubernetes send it.</summary>
        public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()]).WaitForExit();

        /// <summary>Tries new connections until one is refused; true when that happens within 30 seconds while the process still runs.</summary>
        public async Task<bool> WaitUntilConnectionsAreRefusedAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                using var socket = new TcpClient();
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, _port);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return true;
                }
                await Task.Delay(20);
            }
            return false;
        }

        public async Task<int> ExitCodeAsync(TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async Task DropDatabaseAsync()
        {
            try
            {
                await new MongoClient(_engine.ConnectionString).DropDatabaseAsync(_database);
            }
            catch (MongoCommandException)
            {
                // The embedded engine cannot drop a database; what little this one holds ends with the engine.
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill();
            _process.Dispose();
        }
    }
}
