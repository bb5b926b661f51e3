using MongoDB.Bson;
using static Notes.Api.Tests.Features.Auth.ListSessionsTests;

namespace Notes.Api.Tests.Features.Auth;

public sealed class EndSessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EndSession_returns_204_and_the_ended_sessions_token_then_gets_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        var laptop = api.ClientWithToken(await api.SignInAsync(user.Username));
        var laptopSession = await CurrentSessionAsync(laptop);

        var response = await user.Client.DeleteAsync($"/api/auth/sessions/{laptopSession}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await laptop.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        await (await laptop.GetAsync("/api/notes")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        var left = (await (await user.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();
        Assert.Equal([SessionOf(user.Token)], left.Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EndSession_of_the_callers_own_session_returns_204_and_signs_it_out()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.DeleteAsync($"/api/auth/sessions/{SessionOf(user.Token)}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task EndSession_of_another_users_session_returns_404_not_found_and_leaves_it_live()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();

        var response = await user.Client.DeleteAsync($"/api/auth/sessions/{SessionOf(other.Token)}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Session not found.", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not-an-id")]
    [InlineData("0123456789abcdef0123456")] // one digit short
    [InlineData("0123456789abcdef0123456z")]
    public async Task EndSession_of_an_unknown_or_malformed_id_returns_404_not_found(string id)
    {
        var user = await api.SignedInUserAsync();
        if (id == "unknown")
            id = ObjectId.GenerateNewId().ToString();

        var response = await user.Client.DeleteAsync($"/api/auth/sessions/{id}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task EndSession_twice_returns_404_the_second_time()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignInAsync(user.Username);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/auth/sessions/{SessionOf(other)}")).StatusCode);

        var again = await user.Client.DeleteAsync($"/api/auth/sessions/{SessionOf(other)}");

        await again.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task EndSession_without_a_token_returns_401_auth_required()
    {
        var user = await api.SignedInUserAsync();

        var response = await api.CreateClient().DeleteAsync($"/api/auth/sessions/{SessionOf(user.Token)}");

        await response.AuthenticationRequiredAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    static async Task<string> CurrentSessionAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray()
        .Single(s => s!["current"]!.GetValue<bool>())!["id"]!.GetValue<string>();
}
