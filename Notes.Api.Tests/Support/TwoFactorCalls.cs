using OtpNet;

namespace Notes.Api.Tests.Support;

/// <summary>A user with two-step sign-in on: the secret their authenticator app holds, and the recovery codes they were shown.</summary>
public sealed record TwoFactorUser(TestUser User, string Secret, string[] RecoveryCodes);

/// <summary>Two-step sign-in as a client drives it, with TOTP codes computed here from the secret, as an authenticator app does.</summary>
public static class TwoFactorCalls
{
    /// <summary>The code an authenticator app shows at <paramref name="at"/> (RFC 6238: SHA-1, 6 digits, 30-second steps).</summary>
    public static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>The code for the step after the current one: accepted (one step of drift) once the current one has been used.</summary>
    public static string NextCode(this ApiFactory api, string secret) => CodeAt(secret, api.Clock.GetUtcNow().AddSeconds(30));

    public static string CurrentCode(this ApiFactory api, string secret) => CodeAt(secret, api.Clock.GetUtcNow());

    /// <summary>
    /// Moves the app's clock back to one second into the current 30-second step, so a test has the rest of the step before the
    /// codes it computed from the clock change their standing. Backwards, so tokens issued after stay valid by the system clock.
    /// </summary>
    public static void AlignToStepStart(this ApiFactory api) =>
        api.Clock.Advance(-TimeSpan.FromSeconds(api.Clock.GetUtcNow().ToUnixTimeSeconds() % 30 - 1));

    public static Task<HttpResponseMessage> SetUpTwoFactorAsync(this TestUser user) => user.Client.PostAsync("/api/account/two-factor/setup", null);

    public static Task<HttpResponseMessage> EnableTwoFactorAsync(this TestUser user, string code) =>
        user.Client.PostAsJsonAsync("/api/account/two-factor/enable", new { code });

    public static Task<HttpResponseMessage> DisableTwoFactorAsync(this TestUser user, string password, string code) =>
        user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account/two-factor") { Content = JsonContent.Create(new { password, code }) });

    public static Task<HttpResponseMessage> DeleteAccountAsync(this TestUser user, object body) =>
        user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(body) });

    public static Task<HttpResponseMessage> LoginAsync(this ApiFactory api, string username, string password, string? code = null) =>
        api.CreateClient().PostAsJsonAsync("/api/auth/login", code is null ? new { username, password } : (object)new { username, password, code });

    /// <summary>A signed-in user who has set up and turned on two-step sign-in with the current code.</summary>
    public static async Task<TwoFactorUser> TwoFactorUserAsync(this ApiFactory api)
    {
        var user = await api.SignedInUserAsync();
        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        var enabled = await user.EnableTwoFactorAsync(api.CurrentCode(secret));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.JsonAsync())["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        return new TwoFactorUser(user, secret, codes);
    }
}
