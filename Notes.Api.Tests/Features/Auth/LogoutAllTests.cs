namespace Notes.Api.Tests.Features.Auth;

public sealed class LogoutAllTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task LogoutAll_returns_204_and_revokes_every_session_of_the_user()
    {
        var user = await api.SignedInUserAsync();
        var otherDevice = api.ClientWithToken(await api.SignInAsync(user.Username));

        var response = await user.Client.PostAsync("/api/auth/logout-all", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        await (await otherDevice.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task LogoutAll_leaves_another_users_sessions_alone()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();

        await user.Client.PostAsync("/api/auth/logout-all", null);

        var response = await other.Client.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(other.Id, (await response.JsonAsync())["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task LogoutAll_does_not_stop_the_user_signing_in_again()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout-all", null);

        var fresh = api.ClientWithToken(await api.SignInAsync(user.Username));

        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/auth/me")).StatusCode);
    }
}
