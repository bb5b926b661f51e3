namespace Notes.Api.Tests.Support;

/// <summary>The share link calls a test makes as a step on the way to its own assertion.</summary>
public static class ShareCalls
{
    /// <summary>POST of the body as given (any object, or JSON text as it is), to share the note.</summary>
    public static Task<HttpResponseMessage> CreateShareAsync(this TestUser user, string noteId, object? body = null)
    {
        var content = body is string json
            ? new StringContent(json, System.Text.Encoding.UTF8, "application/json")
            : (HttpContent)JsonContent.Create(body ?? new { });
        return user.Client.PostAsync($"/api/notes/{noteId}/shares", content);
    }

    /// <summary>A link meant to be made, as a step on the way: the answer's body.</summary>
    public static async Task<JsonNode> ShareAsync(this TestUser user, string noteId, object? body = null)
    {
        var response = await user.CreateShareAsync(noteId, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<JsonArray> ListSharesAsync(this TestUser user, string noteId)
    {
        var response = await user.Client.GetAsync($"/api/notes/{noteId}/shares");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsArray();
    }

    public static Task<HttpResponseMessage> RevokeShareAsync(this TestUser user, string noteId, string shareId) =>
        user.Client.DeleteAsync($"/api/notes/{noteId}/shares/{shareId}");

    /// <summary>The token in a link's url (/s/{token}).</summary>
    public static string Token(this JsonNode share) => share["url"]!.GetValue<string>()["/s/".Length..];

    /// <summary>The anonymous read of a link, by anyone: no token, no session.</summary>
    public static Task<HttpResponseMessage> ReadSharedAsync(this ApiFactory api, string token) => api.CreateClient().GetAsync($"/api/shared/{token}");
}
