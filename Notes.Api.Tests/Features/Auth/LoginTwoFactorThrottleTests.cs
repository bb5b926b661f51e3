using System.Globalization;

namespace Notes.Api.Tests.Features.Auth;

/// <summary>A wrong second-step code is a failed sign-in: it counts toward the same limit as a wrong password, wherever it is sent.</summary>
public sealed class LoginTwoFactorThrottleTests(SignInLimitApi api) : IClassFixture<SignInLimitApi>
{
    const int MaxFailedLogins = SignInLimitApi.MaxFailedLogins;

    [Fact]
    public async Task Wrong_codes_at_sign_in_answer_401_up_to_the_limit_then_429_even_with_a_right_code()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await api.LoginAsync(username, password, "abcde-fghjk")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_code");

        var response = await api.LoginAsync(username, password, api.NextCode(twoFactor.Secret));

        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 15 * 60);
    }

    [Fact]
    public async Task A_right_password_without_its_code_does_not_clear_the_count()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
            await api.LoginAsync(username, password, "abcde-fghjk");
        await (await api.LoginAsync(username, password)).ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");

        await (await api.LoginAsync(username, password, api.NextCode(twoFactor.Secret))).ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task A_full_sign_in_before_the_limit_clears_the_count()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
            await api.LoginAsync(username, password, "abcde-fghjk");
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, twoFactor.RecoveryCodes[0])).StatusCode);

        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
            await api.LoginAsync(username, password, "abcde-fghjk");

        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(username, password, twoFactor.RecoveryCodes[1])).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_to_turn_two_step_sign_in_off_count_toward_the_sign_in_limit()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await user.DisableTwoFactorAsync(user.Password, "abcde-fghjk")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");

        await (await user.DisableTwoFactorAsync(user.Password, twoFactor.RecoveryCodes[0])).ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        await (await api.LoginAsync(user.Username, user.Password, twoFactor.RecoveryCodes[0])).ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task Wrong_passwords_and_codes_to_delete_the_account_count_toward_the_sign_in_limit()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;
        await (await user.DeleteAccountAsync(new { password = "not the password", code = twoFactor.RecoveryCodes[0] })).ProblemAsync(HttpStatusCode.BadRequest, "wrong_password");
        for (var attempt = 2; attempt <= MaxFailedLogins; attempt++)
            await (await user.DeleteAccountAsync(new { password = user.Password, code = "abcde-fghjk" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");

        await (await user.DeleteAccountAsync(new { password = user.Password, code = twoFactor.RecoveryCodes[0] })).ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
    }
}
