using Microsoft.IdentityModel.JsonWebTokens;
using MongoDB.Bson;
using Notes.Api.Entities;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Infrastructure.Mongo;

/// <summary>
/// Sessions and sign-in throttle windows are removed by MongoDB's TTL monitor, which runs about once a minute (and never on the
/// embedded engine). So expiry is also judged by time when they are read: a document past its time that is still there counts for nothing.
/// </summary>
public sealed class TtlTests(SignInLimitApi api) : IClassFixture<SignInLimitApi>
{
    const int MaxFailedLogins = SignInLimitApi.MaxFailedLogins;

    readonly HttpClient _anonymous = api.CreateClient();

    [Fact]
    public async Task Sessions_carry_a_TTL_index_that_removes_them_a_minute_after_they_expire()
    {
        var ttl = await TtlIndexAsync(CollectionNames.Sessions);

        Assert.Equal(new BsonDocument("expiresAt", 1), ttl["key"].AsBsonDocument);
        Assert.Equal(60, ttl["expireAfterSeconds"].ToInt32());
    }

    [Fact]
    public async Task Sign_in_throttle_windows_carry_a_TTL_index_that_removes_them_when_they_end()
    {
        var ttl = await TtlIndexAsync(CollectionNames.Throttles);

        Assert.Equal(new BsonDocument("windowEndsAt", 1), ttl["key"].AsBsonDocument);
        Assert.Equal(0, ttl["expireAfterSeconds"].ToInt32());
    }

    [Theory]
    [InlineData("GET", "/api/auth/me")]
    [InlineData("POST", "/api/auth/refresh")]
    [InlineData("GET", "/api/notes")]
    public async Task A_session_past_its_expiry_that_is_still_in_the_database_is_refused(string method, string path)
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;
        await api.Service<IMongoCollection<Session>>()
            .UpdateOneAsync(s => s.Id == sessionId, Builders<Session>.Update.Set(s => s.ExpiresAt, api.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));

        var response = await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).Parameter);
        Assert.Equal(1, await api.Service<IMongoCollection<Session>>().CountDocumentsAsync(s => s.Id == sessionId));
    }

    [Fact]
    public async Task A_sign_in_throttle_window_that_has_ended_counts_for_nothing_though_it_is_still_in_the_database()
    {
        var user = await api.SignedInUserAsync();
        await EndedWindowOverTheLimitAsync(user.Username);

        var response = await LoginAsync(user.Username, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_a_sign_in_throttle_window_has_ended_failed_attempts_count_from_one_again()
    {
        var user = await api.SignedInUserAsync();
        await EndedWindowOverTheLimitAsync(user.Username);

        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await LoginAsync(user.Username, "wrong password")).ProblemAsync(HttpStatusCode.Unauthorized);
        var beyond = await LoginAsync(user.Username, "wrong password");

        await beyond.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    async Task<BsonDocument> TtlIndexAsync(string collection)
    {
        var indexes = await (await api.Mongo().GetCollection<BsonDocument>(collection).Indexes.ListAsync()).ToListAsync();
        return Assert.Single(indexes, index => index.Contains("expireAfterSeconds"));
    }

    /// <summary>The user's throttle window, opened by one failed sign-in, then moved into the past with far more attempts than allowed.</summary>
    async Task EndedWindowOverTheLimitAsync(string username)
    {
        await (await LoginAsync(username, "wrong password")).ProblemAsync(HttpStatusCode.Unauthorized);
        var ofThisUser = Builders<BsonDocument>.Filter.Regex("_id", $"\\|{username}$");
        var moved = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Throttles).UpdateOneAsync(ofThisUser,
            Builders<BsonDocument>.Update.Set("count", 50 * MaxFailedLogins).Set("windowEndsAt", api.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));
        Assert.Equal(1, moved.ModifiedCount);
    }

    Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        _anonymous.PostAsJsonAsync("/api/auth/login", new { username, password });
}
