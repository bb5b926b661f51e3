using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Account;

public sealed class RevokeTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A second API instance on the first one's database, as behind a load balancer.</summary>
    sealed class SecondInstance(ApiFactory first) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Database"] = first.Database };
    }

    [Fact]
    public async Task RevokeToken_returns_204_and_the_token_gets_401_token_revoked_at_once_and_leaves_the_list()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync();
        var kept = await user.CreateTokenAsync();
        var script = api.ClientWithToken(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/notes")).StatusCode);

        var response = await user.Client.DeleteAsync($"/api/account/tokens/{token.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await script.GetAsync("/api/notes")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal([kept.Id], (await user.ListTokensAsync()).Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(kept.Token).GetAsync("/api/notes")).StatusCode);
    }

    [Fact]
    public async Task A_token_revoked_on_one_instance_is_dead_on_a_second_instance_on_the_same_database()
    {
        var user = await api.SignedInUserAsync();
        var token = await user.CreateTokenAsync();
        await using var second = new SecondInstance(api);
        await second.InitializeAsync();
        var elsewhere = second.ClientWithToken(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/notes")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/account/tokens/{token.Id}")).StatusCode);

        await (await elsewhere.GetAsync("/api/notes")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task RevokeToken_of_another_users_token_returns_404_not_found_and_leaves_it_working()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var theirs = await other.CreateTokenAsync();

        var response = await user.Client.DeleteAsync($"/api/account/tokens/{theirs.Id}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Token not found.", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(theirs.Token).GetAsync("/api/notes")).StatusCode);
        Assert.Single(await other.ListTokensAsync());
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not-an-id")]
    [InlineData("0123456789abcdef0123456z")]
    public async Task RevokeToken_of_an_unknown_or_malformed_id_returns_404_not_found(string id)
    {
        var user = await api.SignedInUserAsync();
        await user.CreateTokenAsync();
        if (id == "unknown")
            id = ObjectId.GenerateNewId().ToString();

        var response = await user.Client.DeleteAsync($"/api/account/tokens/{id}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Single(await user.ListTokensAsync());
    }
}
