using System.Globalization;

using Microsoft.IdentityModel.JsonWebTokens;

namespace Notes.Api.Tests.Features.Auth;

public sealed class LoginTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Login_returns_200_with_a_bearer_token_that_expires_in_30_minutes_and_the_account()
    {
        var (id, username) = await RegisterAsync(Users.NewName(), Users.Password);
        var before = api.Clock.GetUtcNow();

        var response = await LoginAsync(username, Users.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(body["token"]!.GetValue<string>()));
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        var expiresAt = body["expiresAt"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", expiresAt);
        // The session starts on a whole second, so it may expire up to a second before 30 minutes from the request.
        Assert.InRange(DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture),
            before.AddMinutes(30).AddSeconds(-2), api.Clock.GetUtcNow().AddMinutes(30));
        Assert.Equal(id, body["user"]!["id"]!.GetValue<string>());
        Assert.Equal(username, body["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_token_is_an_HS256_JWT_for_the_user_and_a_session_expiring_at_expiresAt()
    {
        var (id, username) = await RegisterAsync(Users.NewName(), Users.Password);

        var body = await (await LoginAsync(username, Users.Password)).JsonAsync();

        var token = new JsonWebToken(body["token"]!.GetValue<string>());
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(id, token.Subject);
        Assert.Equal(username, token.GetClaim("name").Value);
        Assert.Matches("^[0-9a-f]{24}$", token.Id);
        Assert.Equal("notes-api", token.Issuer);
        Assert.Equal(["notes-api"], token.Audiences);
        Assert.Equal(DateTime.Parse(body["expiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), token.ValidTo);
    }

    [Fact]
    public async Task Login_matches_the_username_in_any_letter_case_and_answers_the_name_as_registered()
    {
        var (id, username) = await RegisterAsync("Mixed" + Users.NewName()[..12], Users.Password);

        var response = await LoginAsync(username.ToUpperInvariant(), Users.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = (await response.JsonAsync())["user"]!;
        Assert.Equal(id, user["id"]!.GetValue<string>());
        Assert.Equal(username, user["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_gives_an_unknown_user_and_a_wrong_password_the_identical_401()
    {
        var (_, username) = await RegisterAsync(Users.NewName(), Users.Password);

        var wrongPassword = await (await LoginAsync(username, Users.Password + "!")).ProblemAsync(HttpStatusCode.Unauthorized);
        var unknownUser = await (await LoginAsync(Users.NewName(), Users.Password)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.NotNull(wrongPassword["detail"]);
        foreach (var field in new[] { "type", "title", "status", "detail" })
            Assert.Equal(wrongPassword[field]?.ToJsonString(), unknownUser[field]?.ToJsonString());
    }

    [Theory]
    [InlineData("Sunny-Day-2024", "Sunny-Day-2024 ")]
    [InlineData("Sunny-Day-2024", " Sunny-Day-2024")]
    [InlineData("Sunny-Day-2024", "sunny-day-2024")]
    [InlineData("Sunny-Day-2024", "SUNNY-DAY-2024")]
    [InlineData("Sunny-Day-2024 ", "Sunny-Day-2024")]
    [InlineData(" Sunny-Day-2024", "Sunny-Day-2024")]
    public async Task Login_never_trims_or_case_folds_the_password(string registered, string attempted)
    {
        var (_, username) = await RegisterAsync(Users.NewName(), registered);

        var refused = await LoginAsync(username, attempted);
        var accepted = await LoginAsync(username, registered);

        await refused.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("секретный пароль дракона")]
    [InlineData("🐉🔥 dragon fire 🐉🔥")]
    [InlineData("Ünïcødé straße 東京タワー")]
    public async Task Login_accepts_a_Unicode_or_emoji_passphrase_exactly_as_registered(string passphrase)
    {
        var (_, username) = await RegisterAsync(Users.NewName(), passphrase);

        var accepted = await LoginAsync(username, passphrase);
        var caseFolded = await LoginAsync(username, passphrase.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await caseFolded.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("a")] // one byte per character: 72 characters
    [InlineData("é")] // two bytes per character: 36 characters
    public async Task Login_compares_the_whole_password_not_only_its_first_72_bytes(string unit)
    {
        var shared = string.Concat(Enumerable.Repeat(unit, 72 / System.Text.Encoding.UTF8.GetByteCount(unit)));
        var (_, username) = await RegisterAsync(Users.NewName(), shared + "-registered-" + Users.Password);

        var other = await LoginAsync(username, shared + "-something-else");
        var registered = await LoginAsync(username, shared + "-registered-" + Users.Password);

        await other.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
    }

    [Fact]
    public async Task Login_without_username_or_password_returns_400_naming_both()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/login", new { username = "", password = "" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password", "username"], problem.ErrorFields().Order());
    }

    async Task<(string Id, string Username)> RegisterAsync(string username, string password)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync())["id"]!.GetValue<string>(), username);
    }

    Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        _client.PostAsJsonAsync("/api/auth/login", new { username, password });
}
