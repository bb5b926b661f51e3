using System.Globalization;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Auth;

public sealed class RefreshTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Refresh_returns_200_with_a_new_token_in_the_login_shape()
    {
        var user = await api.SignedInUserAsync();
        var before = api.Clock.GetUtcNow();

        var response = await user.Client.PostAsync("/api/auth/refresh", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var token = body["token"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.NotEqual(user.Token, token);
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        var expiresAt = body["expiresAt"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", expiresAt);
        Assert.InRange(DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture), before.AddMinutes(30).AddSeconds(-2), api.Clock.GetUtcNow().AddMinutes(30));
        Assert.Equal(user.Id, body["user"]!["id"]!.GetValue<string>());
        Assert.Equal(user.Username, body["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_revokes_the_old_token_so_it_then_gets_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/refresh", null);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task Refresh_gives_a_token_that_works_for_the_same_user()
    {
        var user = await api.SignedInUserAsync();
        var refreshed = await (await user.Client.PostAsync("/api/auth/refresh", null)).JsonAsync();

        var response = await api.ClientWithToken(refreshed["token"]!.GetValue<string>()).GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.JsonAsync();
        Assert.Equal(user.Id, me["id"]!.GetValue<string>());
        Assert.Equal(user.Username, me["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_with_the_same_old_token_twice_fails_the_second_time()
    {
        var user = await api.SignedInUserAsync();
        var first = await user.Client.PostAsync("/api/auth/refresh", null);

        var second = await user.Client.PostAsync("/api/auth/refresh", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task Refresh_racing_with_one_token_starts_at_most_one_new_session()
    {
        var user = await api.SignedInUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => user.Client.PostAsync("/api/auth/refresh", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var sessions = await api.Mongo().GetCollection<MongoDB.Bson.BsonDocument>(CollectionNames.Sessions)
            .CountDocumentsAsync(Builders<MongoDB.Bson.BsonDocument>.Filter.Eq("userId", MongoDB.Bson.ObjectId.Parse(user.Id)));
        Assert.Equal(1, sessions);
    }

    [Fact]
    public async Task Refresh_leaves_the_users_other_sessions_alone()
    {
        var user = await api.SignedInUserAsync();
        var otherDevice = api.ClientWithToken(await api.SignInAsync(user.Username));

        await user.Client.PostAsync("/api/auth/refresh", null);

        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/auth/me")).StatusCode);
    }
}
