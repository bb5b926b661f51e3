namespace Notes.Api.Tests.Infrastructure;

/// <summary>An API serving a small stand-in for the built dashboard, so these tests need no front-end build.</summary>
public sealed class DashboardApi : ApiFactory
{
    public string Root { get; } = Directory.CreateTempSubdirectory("notes-dashboard-").FullName;

    public DashboardApi()
    {
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>NotesSlices</title>");
        File.WriteAllText(Path.Combine(Root, "assets", "index-3f2a1b.js"), "console.log('notes')");
    }

    protected override Dictionary<string, string> Settings => new(base.Settings) { ["Web:Root"] = Root };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

public sealed class DashboardTests(DashboardApi api) : IClassFixture<DashboardApi>
{
    readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/register")]
    [InlineData("/notes")]
    public async Task Client_routes_are_answered_with_the_dashboard_page_which_is_revalidated_on_every_visit(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>NotesSlices</title>", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Hashed_assets_may_be_cached_for_a_year()
    {
        var response = await _client.GetAsync("/assets/index-3f2a1b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unknown_api_route_is_still_a_404_problem_not_the_dashboard()
    {
        var response = await _client.GetAsync("/api/no-such-thing");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/notes")]
    [InlineData("/assets/index-3f2a1b.js")]
    public async Task The_dashboard_and_its_files_carry_the_page_policy_and_the_security_headers(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.HasSecurityHeaders(SecurityHeaderAssertions.PagePolicy);
    }

    [Fact]
    public async Task Next_to_the_dashboard_a_wrong_method_on_the_api_is_still_a_405_problem_with_allow()
    {
        var response = await _client.PostAsync("/api/notes/0123456789abcdef01234567", null);

        await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PATCH", "PUT"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Next_to_the_dashboard_a_body_that_is_not_json_is_still_a_415_problem()
    {
        var response = await _client.PostAsync("/api/auth/login", new StringContent("username=a&password=b", null, "application/x-www-form-urlencoded"));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Next_to_the_dashboard_docs_is_still_the_api_reference()
    {
        var response = await _client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_file_is_a_404_not_the_dashboard()
    {
        var response = await _client.GetAsync("/assets/missing-123.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        response.HasSecurityHeaders(SecurityHeaderAssertions.PagePolicy);
    }
}
