namespace Notes.Api.Tests.Features.Account;

public sealed class DisableTwoFactorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Disable_with_the_password_and_a_current_code_returns_204_and_the_password_alone_signs_in_again()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;

        var response = await user.DisableTwoFactorAsync(user.Password, api.NextCode(twoFactor.Secret));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False((await (await user.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.SetUpTwoFactorAsync()).StatusCode);
    }

    [Fact]
    public async Task Disable_with_a_recovery_code_returns_204_and_forgets_the_other_recovery_codes()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;

        Assert.Equal(HttpStatusCode.NoContent, (await user.DisableTwoFactorAsync(user.Password, twoFactor.RecoveryCodes[0])).StatusCode);

        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await user.EnableTwoFactorAsync(api.CurrentCode(secret))).StatusCode);
        await (await api.LoginAsync(user.Username, user.Password, twoFactor.RecoveryCodes[1])).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Disable_with_a_wrong_password_returns_400_wrong_password_naming_it_and_leaves_it_on()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var problem = await (await twoFactor.User.DisableTwoFactorAsync("not the password", api.NextCode(twoFactor.Secret)))
            .ProblemAsync(HttpStatusCode.BadRequest, "wrong_password");

        Assert.Equal(["password"], problem.ErrorFields());
        await (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
    }

    [Fact]
    public async Task Disable_with_a_wrong_or_replayed_code_returns_400_invalid_code_naming_it_and_leaves_it_on()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;
        var used = api.NextCode(twoFactor.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password, used)).StatusCode);

        var replayed = await user.DisableTwoFactorAsync(user.Password, used);
        var wrong = await user.DisableTwoFactorAsync(user.Password, "abcde-fghjk");

        Assert.Equal(["code"], (await replayed.ProblemAsync(HttpStatusCode.BadRequest, "invalid_code")).ErrorFields());
        Assert.Equal(["code"], (await wrong.ProblemAsync(HttpStatusCode.BadRequest, "invalid_code")).ErrorFields());
        Assert.True((await (await user.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Disable_when_two_step_sign_in_is_off_returns_409_two_factor_not_enabled()
    {
        var user = await api.SignedInUserAsync();

        await (await user.DisableTwoFactorAsync(user.Password, "123456")).ProblemAsync(HttpStatusCode.Conflict, "two_factor_not_enabled");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"password":null,"code":null}""")]
    [InlineData("""{"password":"","code":""}""")]
    public async Task Disable_without_the_password_and_code_returns_400_naming_both(string body)
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/account/two-factor") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        var problem = await (await twoFactor.User.Client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["code", "password"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Disable_with_another_users_code_leaves_both_on()
    {
        var alice = await api.TwoFactorUserAsync();
        var bob = await api.TwoFactorUserAsync();

        await (await bob.User.DisableTwoFactorAsync(bob.User.Password, alice.RecoveryCodes[0])).ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");

        await (await api.LoginAsync(alice.User.Username, alice.User.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
        await (await api.LoginAsync(bob.User.Username, bob.User.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
    }
}
