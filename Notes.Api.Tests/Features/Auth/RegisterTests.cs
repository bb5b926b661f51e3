namespace Notes.Api.Tests.Features.Auth;

public sealed class RegisterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Register_returns_201_with_the_new_account()
    {
        var username = Users.NewName();

        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(username, body["username"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{24}$", body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_with_a_name_taken_in_another_letter_case_returns_409_naming_the_username()
    {
        var username = "Case" + Users.NewName()[..10];
        await _client.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });

        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username = username.ToUpperInvariant(), password = Users.Password });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["username"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a_name_that_is_33_characters_long")]
    [InlineData("has space")]
    [InlineData("émile")]
    [InlineData("semi;colon")]
    [InlineData("")]
    public async Task Register_with_an_invalid_username_returns_400_naming_the_username(string username)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["username"], problem.ErrorFields());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(129)]
    public async Task Register_with_a_password_outside_8_to_128_characters_returns_400_naming_the_password(int length)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username = Users.NewName(), password = new string('p', length) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    public async Task Register_with_a_null_username_or_password_returns_400_naming_it(string field)
    {
        var body = new Dictionary<string, string?> { ["username"] = Users.NewName(), ["password"] = Users.Password, [field] = null };

        var response = await _client.PostAsJsonAsync("/api/auth/register", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(32, 128)]
    public async Task Register_accepts_the_boundary_lengths(int usernameLength, int passwordLength)
    {
        var username = (Users.NewName() + Users.NewName())[..usernameLength];

        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password = new string('p', passwordLength) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
