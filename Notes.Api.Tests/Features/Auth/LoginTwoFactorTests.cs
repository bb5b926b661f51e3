using Microsoft.IdentityModel.JsonWebTokens;

namespace Notes.Api.Tests.Features.Auth;

/// <summary>Signing in with two-step sign-in on: the password, then a TOTP code accepted once, or a recovery code spent by its use.</summary>
public sealed class LoginTwoFactorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Login_with_the_right_password_and_no_code_returns_401_two_factor_required_and_no_token()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var response = await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
        Assert.Null(problem["token"]);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_and_a_right_code_returns_401_invalid_credentials()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var response = await api.LoginAsync(twoFactor.User.Username, "not the password", api.NextCode(twoFactor.Secret));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Login_with_the_password_and_a_current_code_returns_a_token_that_works()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var response = await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.NextCode(twoFactor.Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.JsonAsync())["token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken(token).GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Login_accepts_a_code_with_spaces_as_apps_show_it()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var code = api.NextCode(twoFactor.Secret);

        var response = await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, $"{code[..3]} {code[3..]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_with_a_code_already_used_in_its_window_is_refused_with_401_invalid_code()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var code = api.NextCode(twoFactor.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, code)).StatusCode);

        var replay = await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, code);

        await replay.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Login_with_the_code_that_turned_two_step_sign_in_on_is_refused_as_a_replay()
    {
        api.AlignToStepStart();
        var user = await api.SignedInUserAsync();
        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        var code = api.CurrentCode(secret);
        Assert.Equal(HttpStatusCode.OK, (await user.EnableTwoFactorAsync(code)).StatusCode);

        await (await api.LoginAsync(user.Username, user.Password, code)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Login_with_an_earlier_steps_code_after_a_later_one_was_used_is_refused()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.NextCode(twoFactor.Secret))).StatusCode);

        var earlier = await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.CurrentCode(twoFactor.Secret));

        await earlier.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_one_code_let_only_one_in()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var code = api.NextCode(twoFactor.Secret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, code)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task The_codes_follow_the_clock_one_step_of_drift_either_way_and_no_more()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        // No code used since long ago, so every code in the window could be accepted were it not for the clock.
        await api.Service<IMongoCollection<Api.Entities.User>>().UpdateOneAsync(u => u.Id == twoFactor.User.Id,
            Builders<Api.Entities.User>.Update.Set(u => u.TwoFactor!.LastUsedStep, 0L));
        api.AlignToStepStart();
        var (username, password, now) = (twoFactor.User.Username, twoFactor.User.Password, api.Clock.GetUtcNow());

        await (await api.LoginAsync(username, password, TwoFactorCalls.CodeAt(twoFactor.Secret, now.AddSeconds(60)))).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        await (await api.LoginAsync(username, password, TwoFactorCalls.CodeAt(twoFactor.Secret, now.AddSeconds(-60)))).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, TwoFactorCalls.CodeAt(twoFactor.Secret, now.AddSeconds(-30)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, TwoFactorCalls.CodeAt(twoFactor.Secret, now))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, TwoFactorCalls.CodeAt(twoFactor.Secret, now.AddSeconds(30)))).StatusCode);
    }

    [Fact]
    public async Task Login_with_a_recovery_code_signs_in_once_and_the_code_is_then_spent()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);

        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, twoFactor.RecoveryCodes[3])).StatusCode);

        await (await api.LoginAsync(username, password, twoFactor.RecoveryCodes[3])).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, twoFactor.RecoveryCodes[4].ToUpperInvariant().Replace("-", "", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_one_recovery_code_let_only_one_in_and_two_codes_at_once_both_get_in()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);

        var same = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.LoginAsync(username, password, twoFactor.RecoveryCodes[0])));
        var different = await Task.WhenAll(twoFactor.RecoveryCodes[1..4].Select(code => api.LoginAsync(username, password, code)));

        Assert.Equal(1, same.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(different, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task A_recovery_code_of_another_user_does_not_sign_in()
    {
        var alice = await api.TwoFactorUserAsync();
        var bob = await api.TwoFactorUserAsync();

        await (await api.LoginAsync(bob.User.Username, bob.User.Password, alice.RecoveryCodes[0])).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");

        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(alice.User.Username, alice.User.Password, alice.RecoveryCodes[0])).StatusCode);
    }

    [Fact]
    public async Task A_code_is_ignored_for_an_account_without_two_step_sign_in()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password, "123456")).StatusCode);
    }

    [Fact]
    public async Task A_code_longer_than_32_characters_returns_400_naming_it()
    {
        var problem = await (await api.LoginAsync(Users.NewName(), Users.Password, new string('1', 33))).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["code"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_session_signed_in_with_a_code_is_listed_like_any_other()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var token = (await (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.NextCode(twoFactor.Secret))).JsonAsync())["token"]!.GetValue<string>();

        var sessions = (await (await twoFactor.User.Client.GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();
        Assert.Contains(sessions, s => s!["id"]!.GetValue<string>() == new JsonWebToken(token).Id);
    }
}
