using System.Diagnostics;

namespace Notes.Api.Tests.Support;

/// <summary>
/// A MongoDB for the tests: the server named by NOTES_TEST_MONGO when set, otherwise an embedded engine process on a free port.
/// One serves the whole run (each test class takes its own database); <see cref="StartOwnAsync"/> gives a test a private one to pause.
/// </summary>
public sealed class MongoEngine : IAsyncDisposable
{
    static readonly Lazy<Task<MongoEngine>> SharedEngine = new(StartSharedAsync);

    readonly Process? _process;

    MongoEngine(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    public static Task<MongoEngine> Shared => SharedEngine.Value;

    static async Task<MongoEngine> StartSharedAsync()
    {
        if (Environment.GetEnvironmentVariable("NOTES_TEST_MONGO") is { Length: > 0 } external)
            return new MongoEngine(external, null);

        var engine = await StartOwnAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => engine.Stop();
        return engine;
    }

    public static async Task<MongoEngine> StartOwnAsync()
    {
        var process = Process.Start(new ProcessStartInfo(EngineBinary(), ["--host=127.0.0.1", $"--port={Loopback.FreePort()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("JONGODB_URI=", StringComparison.Ordinal))
            {
                // Keep draining its output so the engine never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                return new MongoEngine(line["JONGODB_URI=".Length..], process);
            }
        }
        throw new InvalidOperationException($"The embedded MongoDB engine exited before it was ready (exit code {process.ExitCode}).");
    }

    /// <summary>Freezes the engine (SIGSTOP): connections stay open but nothing answers, as when a server hangs or the network drops.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    void Signal(string signal) =>
        Process.Start("kill", [$"-{signal}", (_process ?? throw new InvalidOperationException("Only an embedded engine can be paused.")).Id.ToString()])
            .WaitForExit();

    void Stop()
    {
        if (_process is { HasExited: false })
            _process.Kill();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    static string EngineBinary()
    {
        var binary = Path.Combine(Repository.Root, "tools", "mongo-engine", "node_modules", "@jongodb", "memory-server-bin-linux-x64-gnu", "bin", "jongodb");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"No embedded MongoDB engine at {binary}: run `npm ci --prefix tools/mongo-engine` (./test.sh does), or set NOTES_TEST_MONGO.");
    }
}
