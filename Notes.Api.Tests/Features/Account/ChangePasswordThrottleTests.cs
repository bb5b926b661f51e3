using System.Globalization;
using static Notes.Api.Tests.Features.Account.ChangePasswordTests;

namespace Notes.Api.Tests.Features.Account;

/// <summary>A wrong current password is a failed sign-in: it counts toward the same limit, per username and client address, as login.</summary>
public sealed class ChangePasswordThrottleTests(SignInLimitApi api) : IClassFixture<SignInLimitApi>
{
    const int MaxFailedLogins = SignInLimitApi.MaxFailedLogins;
    const string NewPassword = "a different horse battery staple";

    [Fact]
    public async Task ChangePassword_with_wrong_current_passwords_answers_400_up_to_the_limit_then_429_with_Retry_After_even_when_right()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await ChangeAsync(user.Client, "wrong password", NewPassword)).ProblemAsync(HttpStatusCode.BadRequest, "wrong_password");

        var response = await ChangeAsync(user.Client, user.Password, NewPassword);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_toward_the_sign_in_limit_so_login_is_then_refused()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await ChangeAsync(user.Client, "wrong password", NewPassword);

        var login = await LoginAsync(user.Username, user.Password);

        await login.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Fact]
    public async Task Failed_sign_ins_count_toward_the_limit_so_a_password_change_is_then_refused()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 1; attempt <= MaxFailedLogins; attempt++)
            await (await LoginAsync(user.Username, "wrong password")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var response = await ChangeAsync(user.Client, user.Password, NewPassword);

        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_that_succeeds_before_the_limit_clears_the_count()
    {
        var user = await api.SignedInUserAsync();
        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
            await LoginAsync(user.Username, "wrong password");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(user.Client, user.Password, NewPassword)).StatusCode);

        for (var attempt = 1; attempt < MaxFailedLogins; attempt++)
            await LoginAsync(user.Username, "wrong password");
        var login = await LoginAsync(user.Username, NewPassword);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username, password });
}
