using System.IO.Compression;
using System.Text;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>An API serving a small stand-in for the built dashboard, so these tests need no front-end build.</summary>
public sealed class DashboardApi : ApiFactory
{
    public string Root { get; } = Directory.CreateTempSubdirectory("notes-dashboard-").FullName;

    public DashboardApi()
    {
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        WriteWithCompressedCopies("index.html", Page);
        WriteWithCompressedCopies(Path.Combine("assets", "index-3f2a1b.js"), Script);
        File.WriteAllText(Path.Combine(Root, "assets", "small-9c8d7e.css"), "a{}");
    }

    public const string Page = "<!doctype html><title>NotesSlices</title>";
    public const string Script = "console.log('notes')";

    /// <summary>As the dashboard's build writes them: the file, and a brotli and a gzip copy beside it.</summary>
    void WriteWithCompressedCopies(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        using (var br = new BrotliStream(File.Create(path + ".br"), CompressionLevel.SmallestSize))
            br.Write(Encoding.UTF8.GetBytes(text));
        using (var gz = new GZipStream(File.Create(path + ".gz"), CompressionLevel.SmallestSize))
            gz.Write(Encoding.UTF8.GetBytes(text));
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

    [Theory]
    [InlineData("/s/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA")]
    [InlineData("/s/not-a-real-token")]
    public async Task A_share_link_page_is_the_dashboard_never_cached_never_indexed_and_never_sent_as_a_referrer(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>NotesSlices</title>", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Other_dashboard_pages_may_be_indexed()
    {
        var response = await _client.GetAsync("/notes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Robots-Tag"));
    }

    [Fact]
    public async Task Hashed_assets_may_be_cached_for_a_year()
    {
        var response = await _client.GetAsync("/assets/index-3f2a1b.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("deflate", null)]
    [InlineData(null, null)]
    public async Task A_file_is_sent_as_its_compressed_copy_the_client_accepts_and_keeps_its_type_and_long_cache(string? accepted, string? expected)
    {
        var response = await GetAsync("/assets/index-3f2a1b.js", accepted);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(DashboardApi.Script, await DecodedAsync(response));
    }

    [Theory]
    [InlineData("/login", "br")]
    [InlineData("/notes", "gzip")]
    [InlineData("/login", null)]
    public async Task A_client_route_is_sent_the_page_compressed_as_the_client_accepts(string path, string? accepted)
    {
        var response = await GetAsync(path, accepted);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(accepted is null ? [] : [accepted], response.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(DashboardApi.Page, await DecodedAsync(response));
    }

    [Fact]
    public async Task A_file_without_compressed_copies_is_sent_as_it_is()
    {
        var response = await GetAsync("/assets/small-9c8d7e.css", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("a{}", await response.Content.ReadAsStringAsync());
    }

    async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await _client.SendAsync(request);
    }

    /// <summary>The body as the client reads it, decoded as its Content-Encoding says (the test client decodes nothing itself).</summary>
    static async Task<string> DecodedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
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
