using System.Globalization;
using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Auth;

public sealed class RegisterThrottleTests(RegisterThrottleTests.Factory api) : IClassFixture<RegisterThrottleTests.Factory>
{
    const int RegistrationsPerHour = 3;

    /// <summary>Three accounts per address an hour; the log is kept, for the audit event a refusal writes.</summary>
    public sealed class Factory : RecordedLogsApi
    {
        protected override Dictionary<string, string> Settings => new(base.Settings)
        {
            ["Auth:RegistrationsPerHour"] = RegistrationsPerHour.ToString(CultureInfo.InvariantCulture),
        };

    }

    readonly HttpClient _client = api.CreateClient();

    // Each test registers from an address of its own, so the tests' counts never mix.
    readonly string _peer = NewPeer();

    [Fact]
    public async Task Register_beyond_the_hourly_limit_from_one_address_returns_429_with_Retry_After_and_creates_nothing()
    {
        await RegisterNewAsync(RegistrationsPerHour);
        var username = Users.NewName();

        var response = await RegisterAsync(username);

        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Matches("^Too many accounts have been created from this address. Try again in [0-9]+ minutes.$", problem["detail"]!.GetValue<string>());
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.Matches("^[0-9]+$", retryAfter);
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 50 * 60, 60 * 60);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(username, NewPeer())).StatusCode);
    }

    [Fact]
    public async Task Register_beyond_the_limit_is_audited_with_the_client_address_and_the_wait()
    {
        await RegisterNewAsync(RegistrationsPerHour);

        var response = await RegisterAsync(Users.NewName());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var entry = Assert.Single(api.Entries, e => e.Category == "Notes.Api.Audit" && e.EventId.Id == 1006
            && Equals(e.Fields.GetValueOrDefault("ClientAddress"), IPAddress.Parse(_peer).ToString()));
        Assert.Equal("RegistrationThrottled", entry.EventId.Name);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), entry.Fields["RetryAfterSeconds"]);
    }

    [Fact]
    public async Task Register_counts_per_client_address_so_another_address_still_registers()
    {
        await RegisterNewAsync(RegistrationsPerHour);
        await (await RegisterAsync(Users.NewName())).ProblemAsync(HttpStatusCode.TooManyRequests);

        var response = await RegisterAsync(Users.NewName(), NewPeer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_refused_as_taken_does_not_count_toward_the_limit()
    {
        var taken = Users.NewName();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(taken)).StatusCode);
        for (var attempt = 0; attempt < RegistrationsPerHour; attempt++)
            await (await RegisterAsync(taken.ToUpperInvariant())).ProblemAsync(HttpStatusCode.Conflict);

        await RegisterNewAsync(RegistrationsPerHour - 1);

        await (await RegisterAsync(Users.NewName())).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Register_throttle_is_kept_in_MongoDB_counting_only_the_accounts_made()
    {
        var start = api.Clock.GetUtcNow().UtcDateTime;
        var taken = Users.NewName();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(taken)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RegisterAsync(taken)).StatusCode);
        await RegisterNewAsync(RegistrationsPerHour - 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RegisterAsync(Users.NewName())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RegisterAsync(taken)).StatusCode);

        var throttles = api.Mongo().GetCollection<BsonDocument>(CollectionNames.Throttles);
        var kept = await throttles.Find(Builders<BsonDocument>.Filter.Eq("_id", $"register|{IPAddress.Parse(_peer)}")).SingleAsync();
        Assert.Equal(RegistrationsPerHour, kept["count"].AsInt32);
        Assert.InRange(kept["windowEndsAt"].ToUniversalTime(), start.AddHours(1).AddSeconds(-1), api.Clock.GetUtcNow().UtcDateTime.AddHours(1));
    }

    [Fact]
    public async Task Register_limit_is_not_escaped_by_rotating_X_Forwarded_For()
    {
        for (var attempt = 1; attempt <= RegistrationsPerHour; attempt++)
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(Users.NewName(), _peer, $"203.0.113.{attempt}")).StatusCode);

        var response = await RegisterAsync(Users.NewName(), _peer, "198.51.100.77");

        await response.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Register_is_let_through_again_once_the_hour_has_passed()
    {
        await RegisterNewAsync(RegistrationsPerHour);
        await (await RegisterAsync(Users.NewName())).ProblemAsync(HttpStatusCode.TooManyRequests);

        api.Clock.Advance(TimeSpan.FromHours(1));
        var response = await RegisterAsync(Users.NewName());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_limit_holds_for_parallel_requests_from_one_address()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RegisterAsync(Users.NewName())));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(RegistrationsPerHour, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10 - RegistrationsPerHour, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    async Task RegisterNewAsync(int accounts)
    {
        for (var account = 0; account < accounts; account++)
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(Users.NewName())).StatusCode);
    }

    Task<HttpResponseMessage> RegisterAsync(string username, string? peer = null, string? forwardedFor = null)
    {
        var request = PeerAddress.Post("/api/auth/register", new { username, password = Users.Password }, peer ?? _peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return _client.SendAsync(request);
    }

    /// <summary>An address in the IPv6 documentation range that no other test uses.</summary>
    static string NewPeer() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
}
