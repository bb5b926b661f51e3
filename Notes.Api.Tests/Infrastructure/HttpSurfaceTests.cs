using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Infrastructure;

public sealed class HttpSurfaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Healthz_answers_200_while_the_database_answers_a_ping()
    {
        var response = await api.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.JsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var user = await api.SignedInUserAsync();
        var body = new StringContent($$"""{"title":"big","description":"{{new string('x', (int)NoteContent.MaxBodyBytes - 31)}}"}""", Encoding.UTF8, "application/json");
        Assert.Equal(NoteContent.MaxBodyBytes + 1, (await body.ReadAsByteArrayAsync()).Length);

        var response = await user.Client.PostAsync("/api/notes", body);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        Assert.Equal($"Request bodies are limited to {NoteContent.MaxBodyBytes / 1024} KiB.", problem["detail"]!.GetValue<string>());
    }

    /// <summary>
    /// The largest valid note, every character of it not ASCII, as System.Text.Json's default encoder sends it: each UTF-16 unit a
    /// 6-byte \uXXXX escape (a tag's letters outside the BMP two of them). It fits the limit, which is computed from it.
    /// </summary>
    [Fact]
    public async Task The_largest_valid_note_sent_with_every_character_escaped_fits_the_body_limit_and_one_character_more_is_a_400()
    {
        var user = await api.SignedInUserAsync();
        var largest = LargestNote(NoteContent.MaxDescriptionLength);
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(largest);
        Assert.InRange(bytes.Length, NoteContent.MaxBodyBytes - 1024, NoteContent.MaxBodyBytes);

        var added = await user.Client.PostAsync("/api/notes", new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } });
        var tooLong = await user.Client.PostAsJsonAsync("/api/notes", LargestNote(NoteContent.MaxDescriptionLength + 1));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(NoteContent.MaxDescriptionLength, (await added.JsonAsync())["description"]!.GetValue<string>().Length);
        Assert.Equal(["description"], (await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    static object LargestNote(int descriptionLength) => new
    {
        title = new string('é', NoteContent.MaxTitleLength),
        description = new string('é', descriptionLength),
        // Mathematical bold small letters (U+1D41A on): letters outside the BMP, each two UTF-16 units.
        tags = Enumerable.Range(0, Notes.Api.Features.Notes.Tag.MaxPerNote)
            .Select(i => string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x1D41A + i), Notes.Api.Features.Notes.Tag.MaxLength)))
            .ToArray(),
        pinned = false,
        archived = false,
    };

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/api/notes/a/b")]
    public async Task An_unknown_api_route_answers_a_404_problem(string path)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_names_the_body_and_keeps_the_parser_message_to_itself()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsync("/api/notes", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], problem.ErrorFields());
        Assert.DoesNotContain("LineNumber", problem.ToJsonString());
    }

    [Theory]
    [InlineData("/api/notes")]
    [InlineData("/api/auth/login")]
    public async Task A_body_without_a_content_type_is_a_415_problem(string path)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsync(path, new ByteArrayContent("{\"title\":\"x\"}"u8.ToArray()));

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_problem_naming_that_field()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = 42 });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
    }

    public static TheoryData<string, string, string?, string?, HttpStatusCode> ApiAnswers => new()
    {
        { "GET", "/healthz", null, null, HttpStatusCode.OK },
        { "GET", "/openapi/v1.json", null, null, HttpStatusCode.OK },
        { "POST", "/api/auth/register", "application/json", """{"username":"x","password":"y"}""", HttpStatusCode.BadRequest },
        { "POST", "/api/auth/login", "application/json", """{"username":"nobody","password":"whatever1"}""", HttpStatusCode.Unauthorized },
        { "GET", "/api/notes", null, null, HttpStatusCode.Unauthorized },
        { "GET", "/api/unknown", null, null, HttpStatusCode.NotFound },
        { "POST", "/api/notes/0123456789abcdef01234567", null, null, HttpStatusCode.MethodNotAllowed },
        { "POST", "/api/notes", "text/plain", "a note", HttpStatusCode.UnsupportedMediaType },
        { "POST", "/api/auth/login", "application/json", new string(' ', (int)NoteContent.MaxBodyBytes + 1), HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(ApiAnswers))]
    public async Task Every_api_answer_carries_the_security_headers_and_is_never_cached(
        string method, string path, string? contentType, string? body, HttpStatusCode status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);

        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        response.HasApiSecurityHeaders();
    }

    [Fact]
    public async Task Over_https_answers_tell_the_browser_to_use_https_from_now_on()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        foreach (var path in new[] { "/healthz", "/api/unknown" })
            Assert.Equal("max-age=31536000; includeSubDomains", (await client.GetAsync(path)).Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_plain_http_a_forwarded_proto_from_an_unlisted_proxy_brings_no_strict_transport_security()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await api.CreateClient().SendAsync(request);

        Assert.Null(response.Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_api_reference_page_allows_its_own_inline_script_and_style_and_nothing_from_elsewhere()
    {
        var response = await api.CreateClient().GetAsync("/docs/index.html");

        response.HasSecurityHeaders(
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_the_bearer_scheme_and_the_error_responses()
    {
        var document = await (await api.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        string[] paths =
        [
            "/api/auth/register", "/api/auth/login", "/api/auth/logout", "/api/auth/logout-all", "/api/auth/me", "/api/auth/refresh",
            "/api/auth/sessions", "/api/auth/sessions/{id}", "/api/account", "/api/account/password", "/api/account/tokens", "/api/account/tokens/{id}",
            "/api/account/two-factor", "/api/account/two-factor/setup", "/api/account/two-factor/enable",
            "/api/notes", "/api/notes/{id}", "/api/notes/{id}/revisions", "/api/notes/{id}/revisions/{version}",
            "/api/notes/{id}/revisions/{version}/restore", "/api/notes/{id}/shares", "/api/notes/{id}/shares/{shareId}", "/api/shared/{token}",
            "/api/tags", "/api/tags/{name}", "/api/trash", "/healthz", "/healthz/live",
            "/api/export", "/api/import",
        ];
        Assert.Equal(paths.Order(), document["paths"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!.AsObject().Single().Value!["scheme"]!.GetValue<string>());
        var update = document["paths"]!["/api/notes/{id}"]!["put"]!["responses"]!.AsObject();
        Assert.All(["200", "400", "401", "404", "412"], status => Assert.True(update.ContainsKey(status), $"PUT /api/notes/{{id}} documents {status}"));
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_docs()
    {
        var response = await api.CreateClient().GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/openapi/v1.json", await response.Content.ReadAsStringAsync());
    }
}
