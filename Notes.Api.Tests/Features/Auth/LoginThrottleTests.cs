using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Auth;

public sealed class LoginThrottleTests(SignInLimitApi api) : IClassFixture<SignInLimitApi>
{
    const int MaxFailedLogins = SignInLimitApi.MaxFailedLogins;

    /// <summary>A second API instance on the first one's database, as behind a load balancer.</summary>
    sealed class SecondInstance(SignInLimitApi first) : SignInLimitApi
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Database"] = first.Database };
    }

    readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Login_beyond_the_failed_attempt_limit_returns_429_with_Retry_After_even_with_the_right_password()
    {
        var user = await api.SignedInUserAsync();
        await FailAsync(user.Username, MaxFailedLogins);

        var response = await LoginAsync(_client, user.Username, user.Password);

        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.Matches("^[0-9]+$", retryAfter);
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
    }

    [Fact]
    public async Task Login_failing_up_to_the_limit_still_answers_401()
    {
        var user = await api.SignedInUserAsync();

        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await LoginAsync(_client, user.Username, "wrong password")).ProblemAsync(HttpStatusCode.Unauthorized);
        var beyond = await LoginAsync(_client, user.Username, "wrong password");

        await beyond.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_succeeding_before_the_limit_clears_the_count()
    {
        var user = await api.SignedInUserAsync();
        await FailAsync(user.Username, MaxFailedLogins - 1);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_client, user.Username, user.Password)).StatusCode);

        await FailAsync(user.Username, MaxFailedLogins);
        var beyond = await LoginAsync(_client, user.Username, user.Password);

        await beyond.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_counts_per_username_so_another_username_from_the_same_address_still_signs_in()
    {
        var lockedOut = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await FailAsync(lockedOut.Username, MaxFailedLogins + 1);

        var response = await LoginAsync(_client, other.Username, other.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_counts_per_client_address_so_the_same_username_from_another_address_still_signs_in()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 0; attempt <= MaxFailedLogins; attempt++)
            await LoginFromPeerAsync("192.0.2.1", user.Username, "wrong password");
        await (await LoginFromPeerAsync("192.0.2.1", user.Username, user.Password)).ProblemAsync(HttpStatusCode.TooManyRequests);

        var response = await LoginFromPeerAsync("192.0.2.2", user.Username, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_counts_the_username_in_any_letter_case_as_one()
    {
        var user = await api.SignedInUserAsync();
        await FailAsync(user.Username.ToUpperInvariant(), MaxFailedLogins);

        var response = await LoginAsync(_client, user.Username, user.Password);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_throttle_is_not_escaped_by_rotating_X_Forwarded_For()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await LoginFromAsync($"203.0.113.{attempt}", user.Username, "wrong password")).ProblemAsync(HttpStatusCode.Unauthorized);

        var response = await LoginFromAsync("198.51.100.77", user.Username, user.Password);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Login_throttle_is_kept_in_MongoDB_for_the_username()
    {
        var user = await api.SignedInUserAsync();
        var start = api.Clock.GetUtcNow().UtcDateTime;

        await FailAsync(user.Username, MaxFailedLogins);

        var throttle = api.Mongo().GetCollection<MongoDB.Bson.BsonDocument>(CollectionNames.Throttles);
        var kept = await throttle.Find(Builders<MongoDB.Bson.BsonDocument>.Filter.Regex("_id", $"^login\\|.*\\|{user.Username}$")).SingleAsync();
        Assert.Equal(MaxFailedLogins, kept["count"].AsInt32);
        Assert.InRange(kept["windowEndsAt"].ToUniversalTime(), start.AddMinutes(15).AddSeconds(-1), api.Clock.GetUtcNow().UtcDateTime.AddMinutes(15).AddSeconds(1));
    }

    [Fact]
    public async Task Login_throttle_holds_across_API_instances_sharing_the_database()
    {
        var user = await api.SignedInUserAsync();
        await FailAsync(user.Username, MaxFailedLogins);
        await using var second = new SecondInstance(api);
        await second.InitializeAsync();

        var response = await LoginAsync(second.CreateClient(), user.Username, user.Password);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    [Trait("Category", "Slow")] // 300 sign-ins against a loop of deletes: a load test
    public async Task Login_answers_while_its_tally_is_being_deleted()
    {
        // As when other sign-ins to the account succeed meanwhile: the embedded engine then could answer no tally at all.
        var user = await api.SignedInUserAsync();
        var throttle = api.Mongo().GetCollection<MongoDB.Bson.BsonDocument>(CollectionNames.Throttles);
        var tally = Builders<MongoDB.Bson.BsonDocument>.Filter.Regex("_id", $"\\|{user.Username}$");
        using var signedIn = new CancellationTokenSource();
        var deleting = Task.Run(async () =>
        {
            while (!signedIn.IsCancellationRequested)
                await throttle.DeleteManyAsync(tally);
        });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 300; attempt++)
            statuses.Add((await LoginAsync(_client, user.Username, user.Password)).StatusCode);
        await signedIn.CancelAsync();
        await deleting;

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    async Task FailAsync(string username, int times)
    {
        for (var attempt = 0; attempt < times; attempt++)
            await LoginAsync(_client, username, "wrong password");
    }

    static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username, password });

    Task<HttpResponseMessage> LoginFromAsync(string forwardedFor, string username, string password) =>
        LoginWithHeaderAsync("X-Forwarded-For", forwardedFor, username, password);

    Task<HttpResponseMessage> LoginFromPeerAsync(string peerAddress, string username, string password) =>
        LoginWithHeaderAsync(PeerAddress.Header, peerAddress, username, password);

    Task<HttpResponseMessage> LoginWithHeaderAsync(string header, string value, string username, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add(header, value);
        return _client.SendAsync(request);
    }
}

public sealed class LoginThrottleWindowTests(LoginThrottleWindowTests.Factory api) : IClassFixture<LoginThrottleWindowTests.Factory>
{
    public class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings)
        {
            ["Auth:MaxFailedLogins"] = "2",
            ["Auth:LockoutWindow"] = "00:00:03",
        };
    }

    readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Login_is_let_through_again_once_the_lockout_window_has_passed()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 0; attempt < 3; attempt++)
            await LoginAsync(user.Username, "wrong password");
        var throttled = await LoginAsync(user.Username, user.Password);
        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(throttled.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 3);

        api.Clock.Advance(TimeSpan.FromSeconds(3.5));
        var response = await LoginAsync(user.Username, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { username, password });
}
