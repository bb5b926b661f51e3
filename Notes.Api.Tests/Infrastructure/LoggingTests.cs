using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>An API whose every log entry, at every level and from every category, is kept for the test to read.</summary>
public sealed class RecordedLogsApi : ApiFactory
{
    public ConcurrentQueue<string> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new Recorder(Entries)));
    }

    sealed class Recorder(ConcurrentQueue<string> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue($"{formatter(state, exception)} {exception} {state}");
        public void Dispose() { }
    }
}

public sealed class LoggingTests(RecordedLogsApi api) : IClassFixture<RecordedLogsApi>
{
    [Fact]
    public async Task No_log_entry_ever_holds_a_password_or_a_token()
    {
        const string password = "a very secret passphrase";
        var user = await api.SignedInUserAsync(password: password);
        var anonymous = api.CreateClient();
        await anonymous.PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = "a wrong secret passphrase" });
        await user.Client.GetAsync("/api/auth/me");
        var refreshed = (await (await user.Client.PostAsync("/api/auth/refresh", null)).JsonAsync())["token"]!.GetValue<string>();
        await user.Client.GetAsync("/api/notes");
        await api.ClientWithToken(refreshed + "tampered").GetAsync("/api/notes");
        await api.ClientWithToken(refreshed).PostAsync("/api/auth/logout", null);

        var logs = string.Join('\n', api.Entries);
        Assert.Contains(user.Id, logs); // the recorder did hear the app
        Assert.DoesNotContain("secret passphrase", logs);
        Assert.DoesNotContain("$2", logs); // a bcrypt hash
        foreach (var token in new[] { user.Token, refreshed })
        {
            Assert.DoesNotContain(token, logs);
            Assert.DoesNotContain(token.Split('.')[2], logs); // not even the signature
        }
    }
}
