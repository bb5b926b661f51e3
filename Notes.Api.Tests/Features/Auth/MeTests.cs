namespace Notes.Api.Tests.Features.Auth;

public sealed class MeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Me_returns_the_tokens_user_and_its_expiry_as_login_answered_them()
    {
        var username = Users.NewName();
        await api.CreateClient().PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });
        var login = await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username, password = Users.Password })).JsonAsync();
        var client = api.ClientWithToken(login["token"]!.GetValue<string>());

        var response = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.JsonAsync();
        Assert.Equal(login["user"]!["id"]!.GetValue<string>(), me["id"]!.GetValue<string>());
        Assert.Equal(username, me["username"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse(login["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(me["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", me["expiresAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_answers_the_username_as_registered_after_signing_in_in_another_letter_case()
    {
        var user = await api.SignedInUserAsync("Mixed" + Users.NewName()[..12]);
        var client = api.ClientWithToken(await api.SignInAsync(user.Username.ToLowerInvariant()));

        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();

        Assert.Equal(user.Id, me["id"]!.GetValue<string>());
        Assert.Equal(user.Username, me["username"]!.GetValue<string>());
    }
}
