using System.Net.Http.Headers;

namespace Notes.Api.Tests.Infrastructure;

/// <summary>
/// Several HTTP client libraries label a request that sends nothing <c>Content-Type: application/json</c>: it is answered as a
/// request without a body, never as invalid JSON.
/// </summary>
public sealed class EmptyBodyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_list_labelled_json_with_an_empty_body_is_answered_200()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.SendAsync(Empty(HttpMethod.Get, "/api/notes"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_read_labelled_json_with_an_empty_body_is_answered_200()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Read with an empty body");

        var response = await user.Client.SendAsync(Empty(HttpMethod.Get, $"/api/notes/{note.Id()}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_delete_labelled_json_with_an_empty_body_is_answered_204()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Deleted with an empty body");

        var response = await user.Client.SendAsync(Empty(HttpMethod.Delete, $"/api/notes/{note.Id()}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_logout_labelled_json_with_an_empty_body_is_answered_204()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.SendAsync(Empty(HttpMethod.Post, "/api/auth/logout"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
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
