using System.Net.Http.Headers;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// Several HTTP client libraries label a request that sends nothing <c>Content-Type: application/json</c>: it is answered as a
/// request without a body, never as invalid JSON.
/// </summary>
public sealed class EmptyBodyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("GET", "/api/notes", HttpStatusCode.OK)]
    [InlineData("GET", "/api/notes/{id}", HttpStatusCode.OK)]
    [InlineData("DELETE", "/api/notes/{id}", HttpStatusCode.NoContent)]
    [InlineData("POST", "/api/auth/logout", HttpStatusCode.NoContent)]
    public async Task A_request_that_reads_no_body_is_answered_as_usual_when_labelled_json_with_an_empty_one(
        string method, string path, HttpStatusCode expected)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Reached with an empty body");

        var response = await user.Client.SendAsync(Empty(new HttpMethod(method), path.Replace("{id}", note.Id())));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_add_labelled_json_with_an_empty_body_is_told_the_title_is_required()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.SendAsync(Empty(HttpMethod.Post, "/api/notes"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Title is required.", problem["detail"]!.GetValue<string>());
    }

    /// <summary>Content-Length: 0, labelled JSON.</summary>
    static HttpRequestMessage Empty(HttpMethod method, string path) =>
        new(method, path) { Content = new ByteArrayContent([]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
}
