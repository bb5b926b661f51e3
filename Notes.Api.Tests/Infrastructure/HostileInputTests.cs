using System.Text;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>Requests written to break in rather than to use the API: each gets a clear 4xx problem, never a 500 nor a match it should not.</summary>
public sealed class HostileInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Every regular-expression metacharacter, over and over: 200 characters, the longest search there is.</summary>
    static readonly string Metacharacters = string.Concat(Enumerable.Repeat(@"\^$.|?*+()[]{}-#", 13))[..200];

    [Theory]
    [InlineData("/api/auth/login", """{"username":{"$ne":null},"password":"x"}""", "username")]
    [InlineData("/api/auth/login", """{"username":"ada","password":{"$gt":""}}""", "password")]
    [InlineData("/api/auth/register", """{"username":{"$ne":null},"password":"long enough password"}""", "username")]
    [InlineData("/api/auth/register", """{"username":["ada"],"password":"long enough password"}""", "username")]
    public async Task An_operator_object_in_place_of_a_credential_is_a_400_naming_the_field(string path, string body, string field)
    {
        var response = await api.CreateClient().PostAsync(path, Json(body));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("""{"title":{"$gt":""}}""")]
    [InlineData("""{"title":123}""")]
    [InlineData("""{"title":["a"]}""")]
    [InlineData("""{"title":true}""")]
    public async Task A_title_that_is_not_a_string_is_a_400_naming_the_title_on_add_and_on_update_and_changes_nothing(string body)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Kept");

        var added = await user.Client.PostAsync("/api/notes", Json(body));
        var updated = await user.Client.PutAsync($"/api/notes/{note.Id()}", Json(body));

        Assert.Equal(["title"], (await added.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["title"], (await updated.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["Kept"], (await user.ListNotesAsync()).Titles());
        Assert.Equal(1, (await user.ReadNoteAsync(note.Id())).Version());
    }

    [Fact]
    public async Task An_operator_in_place_of_a_note_id_finds_nothing()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("Mine");

        var response = await user.GetNoteAsync(Uri.EscapeDataString("""{"$ne":null}"""));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("sort=$where", "sort")]
    [InlineData("sort=title;$where", "sort")]
    [InlineData("sort=ownerId", "sort")]
    [InlineData("order=$natural", "order")]
    [InlineData("order=-1", "order")]
    [InlineData("page=$gt", "page")]
    [InlineData("page=1e3", "page")]
    [InlineData("page=0x10", "page")]
    [InlineData("page=99999999999999999999", "page")]
    [InlineData("pageSize=%7B%22%24gt%22%3A0%7D", "pageSize")]
    public async Task A_list_query_outside_its_vocabulary_is_a_400_naming_the_parameter(string query, string field)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.GetAsync($"/api/notes?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Bracketed_operator_parameters_are_unknown_names_and_change_nothing()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("one");
        await user.AddNoteAsync("two");

        var list = await user.ListNotesAsync("?search[$regex]=.*&sort[$ne]=x&page[$gt]=5&order=asc&sort=title");

        Assert.Equal(["one", "two"], list.Titles());
    }

    public static TheoryData<string> RegexBait => [@"(a+)+$", Metacharacters];

    [Theory]
    [MemberData(nameof(RegexBait))]
    public async Task A_search_for_regular_expression_text_finds_exactly_the_notes_holding_that_text(string search)
    {
        var user = await api.SignedInUserAsync();
        // A bound on a hang, should the text ever run as a pattern against the bait below; not a measurement.
        user.Client.Timeout = TimeSpan.FromSeconds(30);
        await user.AddNoteAsync(search);
        await user.AddNoteAsync(new string('a', 30) + "!", new string('a', 30) + "!");
        await user.AddNoteAsync("plain words", "nothing special");

        var list = await user.ListNotesAsync($"?search={Uri.EscapeDataString(search)}");

        Assert.Equal([search], list.Titles());
    }

    [Fact]
    public async Task A_search_of_1000_metacharacters_is_a_400_naming_the_search()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.GetAsync($"/api/notes?search={Uri.EscapeDataString(string.Concat(Enumerable.Repeat(Metacharacters, 5)))}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["search"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("POST", "/api/notes/0123456789abcdef01234567", new[] { "DELETE", "GET", "PATCH", "PUT" })]
    [InlineData("DELETE", "/api/notes", new[] { "GET", "POST" })]
    [InlineData("PUT", "/api/auth/login", new[] { "POST" })]
    [InlineData("GET", "/api/auth/logout", new[] { "POST" })]
    public async Task A_method_the_address_does_not_take_is_a_405_problem_listing_those_it_does(string method, string path, string[] allowed)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allowed, response.Content.Headers.Allow.Order());
        Assert.Contains("Allow", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_json_is_a_415_problem_asking_for_json(string? contentType)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Kept");
        const string body = """{"username":"ada","password":"analytical engine","title":"Changed"}""";

        var responses = new[]
        {
            await user.Client.PostAsync("/api/auth/login", Body(body, contentType)),
            await user.Client.PostAsync("/api/notes", Body(body, contentType)),
            await user.Client.PutAsync($"/api/notes/{note.Id()}", Body(body, contentType)),
        };

        foreach (var response in responses)
        {
            var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
        }
        Assert.Equal(["Kept"], (await user.ListNotesAsync()).Titles());
    }

    [Theory]
    [InlineData("abc\u0000def")]
    [InlineData("abcdef\n")]
    [InlineData("\nabcdef")]
    [InlineData("abc\ndef")]
    [InlineData("abc\r\n")]
    [InlineData("abc\tdef")]
    [InlineData("abc\u007fdef")]
    [InlineData("abc\u202edef")]
    [InlineData("abc\u200bdef")]
    [InlineData("abc\ufeff")]
    public async Task A_username_with_a_control_or_invisible_character_is_refused_at_register_and_simply_fails_at_login(string username)
    {
        var client = api.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/auth/register", new { username, password = Users.Password });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username, password = Users.Password });

        Assert.Equal(["username"], (await registered.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains(login.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        await login.ProblemAsync(login.StatusCode);
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    static ByteArrayContent Body(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
            content.Headers.ContentType = new(contentType);
        return content;
    }
}
