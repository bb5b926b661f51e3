using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Infrastructure;

public sealed class LoggingTests(LoggingTests.Factory api) : IClassFixture<LoggingTests.Factory>
{
    /// <summary>Two failed sign-ins are the limit, so the test reaches the throttle too.</summary>
    public sealed class Factory : RecordedLogsApi
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:MaxFailedLogins"] = "2" };
    }

    [Fact]
    public async Task No_log_entry_ever_holds_a_password_a_hash_a_token_or_a_raw_User_Agent()
    {
        const string password = "a very secret passphrase";
        const string wrongPassword = "a wrong secret passphrase";
        const string rejectedPassword = "a rejected secret passphrase";
        const string changedPassword = "a changed secret passphrase";
        const string userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 LogProbe/9.1";
        var user = await api.SignedInUserAsync(password: password);
        var other = await api.SignedInUserAsync(password: password);
        var anonymous = api.CreateClient();

        // Every path that reads a password: refused, throttled, unknown user, invalid registration, a body that is not JSON.
        for (var attempt = 0; attempt < 3; attempt++)
            await anonymous.PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = wrongPassword });
        await anonymous.PostAsJsonAsync("/api/auth/login", new { username = Users.NewName(), password = wrongPassword });
        await anonymous.PostAsJsonAsync("/api/auth/register", new { username = "no spaces allowed", password = rejectedPassword });
        await anonymous.PostAsync("/api/auth/login", new StringContent($"{{\"username\":1,\"password\":\"{rejectedPassword}\"", null, "application/json"));

        // Every path that reads a token: accepted, refused, refreshed, revoked.
        await user.Client.GetAsync("/api/auth/me");
        var note = await other.AddNoteAsync("Someone else's");
        await user.GetNoteAsync(note.Id());
        var refreshed = (await (await user.Client.PostAsync("/api/auth/refresh", null)).JsonAsync())["token"]!.GetValue<string>();
        await api.ClientWithToken(refreshed + "tampered").GetAsync("/api/notes");
        var second = await api.SignInAsync(other.Username, password);
        await api.ClientWithToken(refreshed).PostAsync("/api/auth/logout", null);
        await api.ClientWithToken(second).PostAsync("/api/auth/logout-all", null);
        await api.ClientWithToken(second).GetAsync("/api/auth/me");

        // Every path that reads a password on a password change (wrong, refused as weak, accepted), and a User-Agent to describe.
        var third = api.ClientWithToken(await api.SignInAsync(other.Username, password));
        third.DefaultRequestHeaders.Add("User-Agent", userAgent);
        await third.PutAsJsonAsync("/api/account/password", new { currentPassword = wrongPassword, newPassword = changedPassword });
        await third.PutAsJsonAsync("/api/account/password", new { currentPassword = password, newPassword = rejectedPassword[..7] });
        var changed = (await (await third.PutAsJsonAsync("/api/account/password", new { currentPassword = password, newPassword = changedPassword })).JsonAsync())["token"]!.GetValue<string>();
        var fourth = api.ClientWithToken(changed);
        fourth.DefaultRequestHeaders.Add("User-Agent", userAgent);
        await fourth.GetAsync("/api/auth/sessions");
        await fourth.DeleteAsync($"/api/auth/sessions/{new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(changed).Id}");

        var logs = api.AllText;
        Assert.Contains(user.Id, logs); // the recorder did hear the app
        foreach (var secret in new[] { password, wrongPassword, rejectedPassword, changedPassword, rejectedPassword[..7] })
            Assert.DoesNotContain(secret, logs);
        var hashes = (await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
            .ConvertAll(u => u["passwordHash"].AsString);
        Assert.Equal(2, hashes.Count);
        Assert.DoesNotContain("LogProbe", logs); // the raw User-Agent, which only a session's description is made from
        foreach (var hash in hashes)
        {
            Assert.DoesNotContain(hash[^53..^31], logs); // its salt
            Assert.DoesNotContain(hash[^31..], logs); // its digest
        }
        Assert.DoesNotContain("$2", logs); // any bcrypt hash
        foreach (var token in new[] { user.Token, other.Token, refreshed, second, changed })
        {
            Assert.DoesNotContain(token, logs);
            Assert.DoesNotContain(token.Split('.')[2], logs); // not even the signature
        }
        Assert.DoesNotContain("eyJ", logs); // any JWT: its header and payload are base64url JSON
    }
}
