namespace Notes.Api.Tests.Features.Auth;

public sealed class LogoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Logout_returns_204()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Logout_revokes_the_token_so_it_then_gets_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task Logout_ends_only_this_tokens_session_not_the_users_other_sign_ins()
    {
        var user = await api.SignedInUserAsync();
        var otherDevice = api.ClientWithToken(await api.SignInAsync(user.Username));

        await user.Client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_twice_with_the_same_token_returns_401_the_second_time()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        var response = await user.Client.PostAsync("/api/auth/logout", null);

        await response.TokenRefusedAsync("Token has been revoked");
    }
}
