using System.Globalization;
using System.Text;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

public sealed class ChangePasswordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string NewPassword = "a different horse battery staple";

    /// <summary>A second API instance on the first one's database, as behind a load balancer.</summary>
    sealed class SecondInstance(ApiFactory first) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Database"] = first.Database };
    }

    [Fact]
    public async Task ChangePassword_returns_200_with_a_fresh_token_in_the_sign_in_shape_that_works_for_the_same_user()
    {
        var user = await api.SignedInUserAsync();
        var before = api.Clock.GetUtcNow();

        var response = await ChangeAsync(user.Client, user.Password, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.JsonAsync()).AsObject();
        Assert.Equal(["token", "tokenType", "expiresAt", "user"], body.Select(p => p.Key));
        var token = body["token"]!.GetValue<string>();
        Assert.NotEqual(user.Token, token);
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.InRange(DateTimeOffset.Parse(body["expiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture), before.AddMinutes(30).AddSeconds(-2), api.Clock.GetUtcNow().AddMinutes(30));
        Assert.Equal(user.Id, body["user"]!["id"]!.GetValue<string>());
        Assert.Equal(user.Username, body["user"]!["username"]!.GetValue<string>());
        var me = await api.ClientWithToken(token).GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.JsonAsync())["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangePassword_ends_every_other_session_and_the_asking_one_leaving_only_the_new_tokens()
    {
        var user = await api.SignedInUserAsync();
        var phone = api.ClientWithToken(await api.SignInAsync(user.Username));
        var tablet = api.ClientWithToken(await api.SignInAsync(user.Username));

        var token = await TokenOfAsync(await ChangeAsync(user.Client, user.Password, NewPassword));

        await (await phone.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        await (await tablet.GetAsync("/api/notes")).TokenRefusedAsync("Token has been revoked");
        await (await user.Client.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        var left = (await (await api.ClientWithToken(token).GetAsync("/api/auth/sessions")).JsonAsync()).AsArray();
        Assert.True(Assert.Single(left)!["current"]!.GetValue<bool>());
        var stored = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Sessions).CountDocumentsAsync(new BsonDocument("userId", ObjectId.Parse(user.Id)));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task ChangePassword_ends_the_other_sessions_as_a_second_instance_on_the_same_database_sees_them()
    {
        var user = await api.SignedInUserAsync();
        await using var second = new SecondInstance(api);
        await second.InitializeAsync();
        var elsewhere = second.ClientWithToken(await second.SignInAsync(user.Username));
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/auth/me")).StatusCode);

        var token = await TokenOfAsync(await ChangeAsync(user.Client, user.Password, NewPassword));

        await (await elsewhere.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        await (await second.ClientWithToken(user.Token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal(HttpStatusCode.OK, (await second.ClientWithToken(token).GetAsync("/api/auth/me")).StatusCode);
        await (await second.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = user.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_then_the_old_password_no_longer_signs_in_and_the_new_one_does()
    {
        var user = await api.SignedInUserAsync();

        await TokenOfAsync(await ChangeAsync(user.Client, user.Password, NewPassword));

        var old = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = user.Password });
        await old.ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var fresh = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_with_a_wrong_current_password_returns_400_wrong_password_naming_it_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var phone = api.ClientWithToken(await api.SignInAsync(user.Username));

        var response = await ChangeAsync(user.Client, "not the password at all", NewPassword);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "wrong_password");
        Assert.Equal(["currentPassword"], problem.ErrorFields());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = user.Password })).StatusCode);
        await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = user.Username, password = NewPassword }))
            .ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task ChangePassword_to_the_current_password_returns_400_naming_newPassword()
    {
        var user = await api.SignedInUserAsync();

        var response = await ChangeAsync(user.Client, user.Password, user.Password);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["newPassword"], problem.ErrorFields());
        Assert.Equal("The new password must differ from the current one.", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("password", "too easy to guess")]
    [InlineData("qwertyuiop", "too easy to guess")]
    [InlineData("{username}", "username")]
    [InlineData("short", "8-128 characters")]
    [InlineData("129", "8-128 characters")]
    public async Task ChangePassword_to_a_password_registration_would_refuse_returns_400_naming_newPassword(string newPassword, string reason)
    {
        var user = await api.SignedInUserAsync();
        newPassword = newPassword switch
        {
            "{username}" => user.Username + "!",
            "129" => new string('w', 129),
            _ => newPassword,
        };

        var response = await ChangeAsync(user.Client, user.Password, newPassword);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["newPassword"], problem.ErrorFields());
        Assert.Contains(reason, problem["errors"]![0]!["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"currentPassword":null,"newPassword":null}""")]
    [InlineData("""{"currentPassword":"","newPassword":""}""")]
    public async Task ChangePassword_without_the_passwords_returns_400_naming_both(string body)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PutAsync("/api/account/password", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["currentPassword", "newPassword"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task ChangePassword_with_a_body_that_is_not_JSON_returns_415()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PutAsync("/api/account/password", new StringContent("currentPassword=x", Encoding.UTF8, "text/plain"));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task ChangePassword_without_a_token_returns_401_auth_required()
    {
        var response = await ChangeAsync(api.CreateClient(), Users.Password, NewPassword);

        await response.AuthenticationRequiredAsync();
    }

    [Fact]
    public async Task ChangePassword_leaves_another_users_sessions_and_password_alone()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();

        await TokenOfAsync(await ChangeAsync(user.Client, user.Password, NewPassword));

        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = other.Username, password = other.Password })).StatusCode);
    }

    public static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string currentPassword, string newPassword) =>
        client.PutAsJsonAsync("/api/account/password", new { currentPassword, newPassword });

    static async Task<string> TokenOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["token"]!.GetValue<string>();
    }
}
