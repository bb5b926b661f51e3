using System.Text;
using System.Text.Json;

namespace Notes.Api.Tests.Support;

/// <summary>The notes calls a test makes as a step on the way to its own assertion.</summary>
public static class NoteCalls
{
    public static async Task<JsonNode> AddNoteAsync(this TestUser user, string title, string description = "")
    {
        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title, description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> GetNoteAsync(this TestUser user, string id) => user.Client.GetAsync($"/api/notes/{id}");

    public static async Task<JsonNode> ReadNoteAsync(this TestUser user, string id)
    {
        var response = await user.GetNoteAsync(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>PUT with the If-Match header sent exactly as given (also when it is not a valid entity tag), or without one when null.</summary>
    public static Task<HttpResponseMessage> PutNoteAsync(this TestUser user, string id, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/notes/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        return user.Client.SendAsync(request);
    }

    /// <summary>PATCH with a JSON merge patch (any object, or the body's text as given), and the If-Match header as for <see cref="PutNoteAsync"/>.</summary>
    public static Task<HttpResponseMessage> PatchNoteAsync(
        this TestUser user, string id, object patch, string? ifMatch = null, string contentType = "application/merge-patch+json")
    {
        var body = patch as string ?? JsonSerializer.Serialize(patch);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/notes/{id}") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (ifMatch is not null)
            Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        return user.Client.SendAsync(request);
    }

    /// <summary>A patch that is meant to succeed, as a step on the way: the note it answers.</summary>
    public static async Task<JsonNode> PatchedNoteAsync(this TestUser user, string id, object patch)
    {
        var response = await user.PatchNoteAsync(id, patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> ListNotesAsync(this TestUser user, string query = "")
    {
        var response = await user.Client.GetAsync($"/api/notes{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static string Id(this JsonNode note) => note["id"]!.GetValue<string>();

    public static string Title(this JsonNode note) => note["title"]!.GetValue<string>();

    public static int Version(this JsonNode note) => note["version"]!.GetValue<int>();

    public static DateTimeOffset Time(this JsonNode note, string field) => note[field]!.GetValue<DateTimeOffset>();

    public static string[] Titles(this JsonNode list) => [.. list["items"]!.AsArray().Select(n => n!.Title())];

    public static long Total(this JsonNode list) => list["total"]!.GetValue<long>();

    public static string ETagOf(this HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("ETag"));
}
