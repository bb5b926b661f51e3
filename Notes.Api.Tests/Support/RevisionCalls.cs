namespace Notes.Api.Tests.Support;

/// <summary>The revisions calls a test makes as a step on the way to its own assertion.</summary>
public static class RevisionCalls
{
    public static Task<HttpResponseMessage> GetRevisionsAsync(this TestUser user, string noteId, string query = "") =>
        user.Client.GetAsync($"/api/notes/{noteId}/revisions{query}");

    public static async Task<JsonNode> ListRevisionsAsync(this TestUser user, string noteId, string query = "")
    {
        var response = await user.GetRevisionsAsync(noteId, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> GetRevisionAsync(this TestUser user, string noteId, object version) =>
        user.Client.GetAsync($"/api/notes/{noteId}/revisions/{version}");

    /// <summary>POST restore with no body, and the If-Match header sent exactly as given, or without one when null.</summary>
    public static Task<HttpResponseMessage> RestoreRevisionAsync(this TestUser user, string noteId, object version, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/notes/{noteId}/revisions/{version}/restore");
        if (ifMatch is not null)
            Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        return user.Client.SendAsync(request);
    }

    public static int[] Versions(this JsonNode list) => [.. list["items"]!.AsArray().Select(r => r!["version"]!.GetValue<int>())];
}
