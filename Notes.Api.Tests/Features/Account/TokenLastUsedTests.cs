namespace Notes.Api.Tests.Features.Account;

/// <summary>
/// Of its own, with its own clock: the test moves it past a minute, after which no test of the class may sign in (a session
/// token's not-before is judged by the system clock).
/// </summary>
public sealed class TokenLastUsedTests(TokenLastUsedTests.Factory api) : IClassFixture<TokenLastUsedTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Diagnostics:CountMongoCommands"] = "true" };
    }

    [Fact]
    public async Task LastUsedAt_is_kept_to_the_minute_written_once_in_a_minute_however_often_the_token_is_used()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync();
        var script = api.ClientWithToken(token.Token);
        // Two seconds into a minute, so the uses below fall in it (signing in is done: later sessions would not mind the moved clock).
        var now = api.Clock.GetUtcNow();
        api.Clock.Advance(TimeSpan.FromSeconds(62 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond));
        var minute = Minute(api.Clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);
        Assert.Equal(minute, LastUsed(await user.ListTokensAsync()));
        // Later in the same minute, a use costs what a session's does (the token's lookup, the list's one command): nothing is written.
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        var before = await CommandsAsync();
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);
        Assert.Equal(2, await CommandsAsync() - before);
        Assert.Equal(minute, LastUsed(await user.ListTokensAsync()));

        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);

        Assert.Equal(minute.AddMinutes(1), LastUsed(await user.ListTokensAsync()));
    }

    async Task<long> CommandsAsync() =>
        (await (await api.CreateClient().GetAsync("/diagnostics/mongo-commands")).JsonAsync())["commands"]!.GetValue<long>();

    static DateTimeOffset Minute(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);

    static DateTimeOffset LastUsed(JsonArray listed) => listed.Single()!["lastUsedAt"]!.GetValue<DateTimeOffset>();
}
