using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

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

    [Fact]
    public async Task Register_of_one_username_by_20_parallel_requests_creates_it_once_and_answers_409_to_the_rest()
    {
        var username = Users.NewName();
        // Short, so that judging and hashing it keep each request only briefly and they reach the database together.
        const string password = "Mx7#qL9z";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _client.PostAsJsonAsync("/api/auth/register", new { username = i % 2 == 0 ? username : username.ToUpperInvariant(), password })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        var accounts = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users)
            .CountDocumentsAsync(Builders<BsonDocument>.Filter.Eq("usernameKey", username.ToLowerInvariant()));
        Assert.Equal(1, accounts);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a_name_that_is_33_characters_long")]
    [InlineData("has space")]
    [InlineData("émile")]
    [InlineData("semi;colon")]
    [InlineData("")]
    [InlineData("name\n")]
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
        var password = ("Mx7#qL9z" + string.Concat(Enumerable.Range(0, 4).Select(_ => Guid.NewGuid().ToString("N"))))[..passwordLength];

        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("password", "one of the most common passwords")]
    [InlineData("12345678", "one of the most common passwords")]
    [InlineData("qwertyuiop", "one of the most common passwords")]
    [InlineData("iloveyou1", "one of the most common passwords")]
    [InlineData("Password123", "one of the most common passwords")]
    [InlineData("aaaaaaaaaa", "Repeated characters")]
    [InlineData("abcdefghijk", "Sequences")]
    [InlineData("zxcvbnm,./", "neighbouring keys")]
    public async Task Register_with_an_easily_guessed_password_returns_400_naming_the_password_and_saying_why(string password, string why)
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username = Users.NewName(), password });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], problem.ErrorFields());
        var reason = problem["errors"]![0]!["reason"]!.GetValue<string>();
        Assert.StartsWith("This password is too easy to guess.", reason);
        Assert.Contains(why, reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!")]
    public async Task Register_with_the_username_as_the_password_returns_400_saying_so(string suffix)
    {
        // A random name: strong as a password, were it not the username.
        var username = "Z" + Users.NewName();

        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username, password = username.ToLowerInvariant() + suffix });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["password"], problem.ErrorFields());
        Assert.Contains("It contains your username.", problem["errors"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_with_a_short_password_says_only_how_long_it_must_be()
    {
        var response = await _client.PostAsJsonAsync("/api/auth/register", new { username = Users.NewName(), password = "abc" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("Password must be 8-128 characters.", error!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_stores_a_bcrypt_hash_never_the_password()
    {
        var username = Users.NewName();

        await _client.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });

        var stored = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users)
            .Find(Builders<BsonDocument>.Filter.Eq("username", username)).SingleAsync();
        Assert.DoesNotContain(Users.Password, stored.ToJson());
        Assert.Matches(@"^\$2[abxy]\$04\$[./A-Za-z0-9]{53}$", stored["passwordHash"].AsString); // the test host's cost; see PasswordsTests for the default
    }
}
