using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>
/// The audit trail: each security event is one entry under the "Notes.Api.Audit" category, with a stable event id and name, naming
/// the user when known and the client address. Operators route and alert on these, so a change to any of them is a breaking change.
/// </summary>
public sealed class AuditLogTests(AuditLogTests.Factory api) : IClassFixture<AuditLogTests.Factory>
{
    const string ClientAddress = "192.0.2.44";

    /// <summary>Two failed sign-ins are the limit, so a test reaches the throttle in three.</summary>
    public sealed class Factory : RecordedLogsApi
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:MaxFailedLogins"] = "2" };
    }

    [Fact]
    public async Task Sign_in_is_audited_with_the_user_their_name_and_the_client_address()
    {
        var user = await api.SignedInUserAsync();

        var response = await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username = user.Username, password = user.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Audited(1000, "SignedIn", LogLevel.Information, user.Id);
        Assert.Equal(user.Username, entry.Fields["Username"]);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_audited_with_the_username_and_the_account()
    {
        var user = await api.SignedInUserAsync();

        var response = await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username = user.Username, password = "wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Audited(1001, "SignInRefused", LogLevel.Warning, user.Id);
        Assert.Equal(user.Username, entry.Fields["Username"]);
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_username_is_audited_with_the_username_and_no_user()
    {
        var username = Users.NewName();

        var response = await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username, password = "any password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Audited(1001, "SignInRefused", LogLevel.Warning, username, field: "Username");
        Assert.Null(entry.Fields["UserId"]);
    }

    [Fact]
    public async Task Throttled_sign_in_is_audited_with_the_username_and_how_long_it_must_wait()
    {
        var user = await api.SignedInUserAsync();
        HttpResponseMessage response = new();

        for (var attempt = 1; attempt <= 3; attempt++)
            response = await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username = user.Username, password = "wrong password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var entry = Audited(1002, "SignInThrottled", LogLevel.Warning, user.Username, field: "Username");
        Assert.Equal(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), entry.Fields["RetryAfterSeconds"]);
    }

    [Theory]
    [InlineData("/api/auth/refresh", HttpStatusCode.OK, 1003, "TokenRefreshed")]
    [InlineData("/api/auth/logout", HttpStatusCode.NoContent, 1004, "SignedOut")]
    public async Task Refresh_and_logout_are_audited_with_the_user_and_the_client_address(string path, HttpStatusCode status, int eventId, string eventName)
    {
        var user = await api.SignedInUserAsync();

        var response = await FromClientAsync(user.Client, HttpMethod.Post, path);

        Assert.Equal(status, response.StatusCode);
        Audited(eventId, eventName, LogLevel.Information, user.Id);
    }

    [Fact]
    public async Task Logout_all_is_audited_with_the_user_and_how_many_sessions_ended()
    {
        var user = await api.SignedInUserAsync();
        await api.SignInAsync(user.Username);

        var response = await FromClientAsync(user.Client, HttpMethod.Post, "/api/auth/logout-all");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Audited(1005, "SignedOutEverywhere", LogLevel.Information, user.Id);
        Assert.Equal(2L, entry.Fields["SessionCount"]);
    }

    [Fact]
    public async Task Ending_a_session_is_audited_with_the_user_and_the_session()
    {
        var user = await api.SignedInUserAsync();
        var other = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await api.SignInAsync(user.Username)).Id;

        var response = await FromClientAsync(user.Client, HttpMethod.Delete, $"/api/auth/sessions/{other}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Audited(1007, "SessionEnded", LogLevel.Information, user.Id);
        Assert.Equal(other, entry.Fields["SessionId"]);
    }

    [Fact]
    public async Task A_password_change_is_audited_with_the_user_and_how_many_sessions_ended()
    {
        var user = await api.SignedInUserAsync();
        await api.SignInAsync(user.Username);

        var response = await FromClientAsync(user.Client, HttpMethod.Put, "/api/account/password",
            new { currentPassword = user.Password, newPassword = "a different horse battery staple" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Audited(1008, "PasswordChanged", LogLevel.Information, user.Id);
        Assert.Equal(2L, entry.Fields["SessionCount"]);
    }

    [Fact]
    public async Task A_password_change_with_a_wrong_current_password_is_audited_as_refused()
    {
        var user = await api.SignedInUserAsync();

        var response = await FromClientAsync(user.Client, HttpMethod.Put, "/api/account/password",
            new { currentPassword = "wrong password", newPassword = "a different horse battery staple" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Audited(1009, "PasswordChangeRefused", LogLevel.Warning, user.Id);
        Assert.DoesNotContain(api.Entries, e => e.EventId.Id == 1008 && Equals(e.Fields["UserId"], user.Id));
    }

    [Fact]
    public async Task Turning_two_step_sign_in_on_and_off_is_audited_with_the_user()
    {
        var user = await api.SignedInUserAsync();
        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await FromClientAsync(user.Client, HttpMethod.Post, "/api/account/two-factor/enable", new { code = api.CurrentCode(secret) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await FromClientAsync(user.Client, HttpMethod.Delete, "/api/account/two-factor",
            new { password = user.Password, code = api.NextCode(secret) })).StatusCode);

        Audited(1010, "TwoFactorEnabled", LogLevel.Information, user.Id);
        Audited(1011, "TwoFactorDisabled", LogLevel.Information, user.Id);
    }

    [Fact]
    public async Task A_wrong_code_and_a_recovery_code_at_sign_in_are_audited_with_the_user()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (username, password) = (twoFactor.User.Username, twoFactor.User.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username, password, code = "abcde-fghjk" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FromClientAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/login", new { username, password, code = twoFactor.RecoveryCodes[0] })).StatusCode);

        Audited(1013, "TwoFactorRefused", LogLevel.Warning, twoFactor.User.Id);
        Audited(1012, "RecoveryCodeUsed", LogLevel.Warning, twoFactor.User.Id);
    }

    [Fact]
    public async Task Deleting_the_account_is_audited_with_the_user_and_their_name_and_a_wrong_password_as_refused()
    {
        var user = await api.SignedInUserAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await FromClientAsync(user.Client, HttpMethod.Delete, "/api/account", new { password = "wrong password" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await FromClientAsync(user.Client, HttpMethod.Delete, "/api/account", new { password = user.Password })).StatusCode);

        Assert.Equal("Deleting the account", Audited(1015, "AccountChangeRefused", LogLevel.Warning, user.Id).Fields["Change"]);
        Assert.Equal(user.Username, Audited(1014, "AccountDeleted", LogLevel.Information, user.Id).Fields["Username"]);
    }

    [Fact]
    public async Task No_log_entry_holds_a_TOTP_secret_or_a_code()
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var (user, secret) = (twoFactor.User, twoFactor.Secret);
        var code = api.NextCode(secret);
        await api.LoginAsync(user.Username, user.Password, code);
        await api.LoginAsync(user.Username, user.Password, code);
        await api.LoginAsync(user.Username, user.Password, twoFactor.RecoveryCodes[0]);
        await user.DeleteAccountAsync(new { password = user.Password, code = twoFactor.RecoveryCodes[1] });

        string[] secrets = [secret, code, .. twoFactor.RecoveryCodes, .. twoFactor.RecoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal))];
        Assert.All(api.Entries, entry => Assert.All(secrets, s => Assert.DoesNotContain(s, entry.AllText, StringComparison.OrdinalIgnoreCase)));
    }

    // The registration throttle's event (1006) is proved where the limit is reached: RegisterThrottleTests.

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Asking_for_someone_elses_note_is_audited_with_the_caller_and_the_note(string method)
    {
        var owner = await api.SignedInUserAsync();
        var caller = await api.SignedInUserAsync();
        var note = await owner.AddNoteAsync("Not yours");

        var response = await FromClientAsync(caller.Client, new HttpMethod(method), $"/api/notes/{note.Id()}", new { title = "Mine now" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Audited(1100, "ForeignNoteRequested", LogLevel.Warning, caller.Id);
        Assert.Equal(note.Id(), entry.Fields["NoteId"]);
    }

    [Fact]
    public async Task Asking_for_ones_own_notes_or_notes_that_do_not_exist_is_not_audited_as_someone_elses()
    {
        var user = await api.SignedInUserAsync();
        var kept = await user.AddNoteAsync("Kept");
        var deleted = await user.AddNoteAsync("Deleted");
        await user.Client.DeleteAsync($"/api/notes/{deleted.Id()}");

        foreach (var id in new[] { kept.Id(), deleted.Id(), ObjectId.GenerateNewId().ToString(), "not-an-id" })
        {
            await user.GetNoteAsync(id);
            await user.PutNoteAsync(id, new { title = "Changed" });
            await user.PutNoteAsync(id, new { title = "Changed again" }, ifMatch: "\"1\"");
        }
        await user.Client.DeleteAsync($"/api/notes/{deleted.Id()}");

        Assert.DoesNotContain(api.Entries, e => e.EventId.Id == 1100 && Equals(e.Fields["UserId"], user.Id));
    }

    [Theory]
    [InlineData("Production", ConsoleFormatterNames.Json)]
    [InlineData("Development", ConsoleFormatterNames.Simple)]
    public async Task The_console_log_is_JSON_in_production_and_stamps_every_entry_with_its_UTC_time_in_ISO_8601(string environment, string format)
    {
        IAsyncLifetime app = new EnvironmentApi(environment);
        await app.InitializeAsync();
        try
        {
            var services = ((ApiFactory)app).Services;
            var formatterName = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
            var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == formatterName);
            ConsoleFormatterOptions options = formatterName == ConsoleFormatterNames.Json
                ? services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue
                : services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

            var output = new StringWriter();
            formatter.Write(new LogEntry<string>(LogLevel.Warning, "Notes.Api.Audit", new EventId(1001), "entry", null, (s, _) => s), null, output);

            Assert.Equal(format, formatterName);
            Assert.True(options.UseUtcTimestamp);
            var timestamp = formatterName == ConsoleFormatterNames.Json
                ? JsonNode.Parse(output.ToString())!["Timestamp"]!.GetValue<string>()
                : output.ToString().Split(' ')[0];
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", timestamp);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    Task<HttpResponseMessage> FromClientAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(PeerAddress.Header, ClientAddress);
        return client.SendAsync(request);
    }

    /// <summary>The one audit entry of this kind from the test's client address whose <paramref name="field"/> is <paramref name="value"/>.</summary>
    RecordedLog Audited(int eventId, string eventName, LogLevel level, string value, string field = "UserId")
    {
        var entry = Assert.Single(api.Entries, e => e.Category == "Notes.Api.Audit" && e.EventId.Id == eventId
            && Equals(e.Fields.GetValueOrDefault("ClientAddress"), ClientAddress) && Equals(e.Fields.GetValueOrDefault(field), value));
        Assert.Equal(eventName, entry.EventId.Name);
        Assert.Equal(level, entry.Level);
        return entry;
    }
}
