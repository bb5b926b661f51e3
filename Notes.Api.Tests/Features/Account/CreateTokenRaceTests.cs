using MongoDB.Driver.Core.Events;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

/// <summary>
/// Creations at the limit, side by side in the worst order: every creation's read of the tokens waits until all of them have
/// reached theirs, so each reads before any other has finished (a count before inserting would let all of them in).
/// </summary>
public sealed class CreateTokenRaceTests(CreateTokenRaceTests.Factory api) : IClassFixture<CreateTokenRaceTests.Factory>
{
    /// <summary>The API on a client of its own, whose reads of the access tokens meet at <see cref="Reads"/> while it is set.</summary>
    public sealed class Factory : CommandWatchingApi
    {
        public Rendezvous Reads { get; } = new();

        protected override void Watch(CommandStartedEvent e)
        {
            if (e.CommandName is "aggregate" or "find" or "count" && e.DatabaseNamespace.DatabaseName == Database
                && e.Command[e.CommandName] == CollectionNames.AccessTokens)
                Reads.Arrive();
        }
    }

    /// <summary>While set for n, whoever arrives waits (on the driver's thread, before its command is sent) until n have arrived.</summary>
    public sealed class Rendezvous
    {
        ManualResetEventSlim? _all;
        int _expected;
        int _arrived;

        public void Set(int expected)
        {
            (_expected, _arrived) = (expected, 0);
            Volatile.Write(ref _all, new ManualResetEventSlim(initialState: false));
        }

        public void Clear() => Volatile.Write(ref _all, null);

        public void Arrive()
        {
            if (Volatile.Read(ref _all) is not { } all)
                return;
            if (Interlocked.Increment(ref _arrived) >= _expected)
                all.Set();
            // Bounded, so a creation that never reads the tokens cannot hold the others forever.
            all.Wait(TimeSpan.FromSeconds(30));
        }
    }

    // Few, as each waits on a thread of its own: enough to pass the limit by three if the count came first.
    const int Racers = 4;

    [Fact]
    public async Task Creations_that_all_count_before_any_finishes_at_19_tokens_keep_at_most_20_and_leave_nothing_refused_behind()
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 19; i++)
            await user.CreateTokenAsync(name: $"script {i}");

        api.Reads.Set(Racers);
        HttpResponseMessage[] answers;
        try
        {
            answers = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => user.CreateTokenResponseAsync(new { name = $"racer {i}", scope = "read" })));
        }
        finally
        {
            api.Reads.Clear();
        }

        var stored = (await user.ListTokensAsync()).Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.InRange(stored.Count, 19, 20);
        var accepted = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        foreach (var created in accepted)
            Assert.Contains((await created.JsonAsync())["id"]!.GetValue<string>(), stored);
        Assert.Equal(19 + accepted.Count, stored.Count);
        foreach (var refused in answers.Except(accepted))
            await refused.ProblemAsync(HttpStatusCode.Conflict, "token_limit_reached");
        // The refused left nothing behind: a 20th place nobody took is still free.
        var after = await user.CreateTokenResponseAsync(new { name = "after the race", scope = "read" });
        Assert.Equal(stored.Count < 20 ? HttpStatusCode.Created : HttpStatusCode.Conflict, after.StatusCode);
    }
}
