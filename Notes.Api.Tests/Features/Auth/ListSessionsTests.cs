using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using MongoDB.Bson;
using Notes.Api.Entities;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Auth;

public sealed class ListSessionsTests(ListSessionsTests.Factory api) : IClassFixture<ListSessionsTests.Factory>
{
    public const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    public const string ChromeOnAndroid = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /// <summary>Requests may choose the address they arrive from, as real sockets have one.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerAddress.AddTo(builder);
        }
    }

    [Fact]
    public async Task ListSessions_returns_200_with_the_live_sessions_newest_first_each_with_its_client_and_address_and_the_current_one_marked()
    {
        var user = await api.SignedInUserAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var onFirefox = await SignInFromAsync(user, Firefox, "192.0.2.10");
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var onPhone = await SignInFromAsync(user, ChromeOnAndroid, "198.51.100.20");

        var response = await api.ClientWithToken(onPhone).GetAsync("/api/auth/sessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = (await response.JsonAsync()).AsArray().Select(s => s!.AsObject()).ToList();
        Assert.All(sessions, s => Assert.Equal(["id", "createdAt", "expiresAt", "client", "clientAddress", "current"], s.Select(p => p.Key)));
        Assert.Equal([SessionOf(onPhone), SessionOf(onFirefox), SessionOf(user.Token)], sessions.Select(s => s["id"]!.GetValue<string>()));
        Assert.Equal(["Chrome on Android", "Firefox on Linux", "Unknown client"], sessions.Select(s => s["client"]!.GetValue<string>()));
        Assert.Equal(["198.51.100.20", "192.0.2.10", "127.0.0.1"], sessions.Select(s => s["clientAddress"]!.GetValue<string>()));
        Assert.Equal([true, false, false], sessions.Select(s => s["current"]!.GetValue<bool>()));
        Assert.All(sessions, s => Assert.Equal(Time(s, "createdAt").AddMinutes(30), Time(s, "expiresAt")));
        Assert.True(Time(sessions[0], "createdAt") > Time(sessions[1], "createdAt"));
    }

    [Fact]
    public async Task ListSessions_marks_as_current_the_session_of_the_token_that_asks()
    {
        var user = await api.SignedInUserAsync();
        var other = await SignInFromAsync(user, Firefox, "192.0.2.10");

        var sessions = (await (await user.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();

        Assert.Equal(SessionOf(user.Token), Assert.Single(sessions, s => s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>());
        Assert.Contains(sessions, s => s!["id"]!.GetValue<string>() == SessionOf(other));
    }

    [Fact]
    public async Task ListSessions_leaves_out_ended_sessions_and_expired_ones_still_stored()
    {
        var user = await api.SignedInUserAsync();
        var signedOut = await SignInFromAsync(user, Firefox, "192.0.2.10");
        await api.ClientWithToken(signedOut).PostAsync("/api/auth/logout", null);
        // The embedded engine's TTL monitor never removes a session, and MongoDB's lags a minute: only time in the query leaves it out.
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var expired = new Session { UserId = user.Id, CreatedAt = now.AddMinutes(-31), ExpiresAt = now.AddMinutes(-1) };
        await api.Service<IMongoCollection<Session>>().InsertOneAsync(expired);

        var sessions = (await (await user.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();

        Assert.Equal(SessionOf(user.Token), Assert.Single(sessions)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListSessions_shows_only_the_callers_own_sessions()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var othersSecond = await SignInFromAsync(other, Firefox, "192.0.2.10");

        var mine = (await (await user.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();
        var theirs = (await (await other.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();

        Assert.Equal([SessionOf(user.Token)], mine.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal([SessionOf(othersSecond), SessionOf(other.Token)], theirs.Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListSessions_without_a_token_returns_401_auth_required()
    {
        var response = await api.CreateClient().GetAsync("/api/auth/sessions");

        await response.AuthenticationRequiredAsync();
    }

    [Theory]
    [InlineData("login")]
    [InlineData("refresh")]
    [InlineData("password change")]
    public async Task Every_way_of_starting_a_session_records_its_client_and_address_and_never_the_raw_header(string start)
    {
        var user = await api.SignedInUserAsync();
        const string userAgent = Firefox + " RawHeaderMarker/4.2";
        var request = start switch
        {
            "login" => new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { username = user.Username, password = user.Password }) },
            "refresh" => new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh"),
            _ => new HttpRequestMessage(HttpMethod.Put, "/api/account/password")
            {
                Content = JsonContent.Create(new { currentPassword = user.Password, newPassword = "a different horse battery staple" }),
            },
        };
        request.Headers.Add(PeerAddress.Header, "203.0.113.7");
        request.Headers.Add("User-Agent", userAgent);

        var response = await user.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.JsonAsync())["token"]!.GetValue<string>();
        var started = SessionOf(token);
        var listed = (await (await api.ClientWithToken(token).GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();
        var session = Assert.Single(listed, s => s!["id"]!.GetValue<string>() == started)!;
        Assert.Equal("Firefox on Linux", session["client"]!.GetValue<string>());
        Assert.Equal("203.0.113.7", session["clientAddress"]!.GetValue<string>());
        var stored = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Sessions).Find(new BsonDocument("_id", ObjectId.Parse(started))).SingleAsync();
        Assert.Equal("Firefox on Linux", stored["client"].AsString);
        Assert.DoesNotContain("RawHeaderMarker", stored.ToJson());
        Assert.DoesNotContain("Gecko", stored.ToJson());
    }

    Task<string> SignInFromAsync(TestUser user, string userAgent, string peer)
    {
        var request = PeerAddress.Post("/api/auth/login", new { username = user.Username, password = user.Password }, peer);
        request.Headers.Add("User-Agent", userAgent);
        return TokenOfAsync(api.CreateClient().SendAsync(request));
    }

    static async Task<string> TokenOfAsync(Task<HttpResponseMessage> signIn)
    {
        var response = await signIn;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["token"]!.GetValue<string>();
    }

    public static string SessionOf(string token) => new JsonWebToken(token).Id;

    static DateTimeOffset Time(JsonNode session, string field) =>
        DateTimeOffset.Parse(session[field]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
