using Notes.Api.Entities;

namespace Notes.Api.Tests.Support;

/// <summary>The tag calls a test makes as a step on the way to its own assertion, and the trash a note is put in for one.</summary>
public static class TagCalls
{
    public static async Task<JsonNode> AddTaggedNoteAsync(this TestUser user, string title, params string[] tags) =>
        await user.AddNoteWithAsync(new { title, tags });

    public static async Task<JsonNode> AddNoteWithAsync(this TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/notes", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The caller's tags as <c>name:count</c>, in the order answered.</summary>
    public static async Task<string[]> ListTagsAsync(this TestUser user)
    {
        var response = await user.Client.GetAsync("/api/tags");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).AsArray().Select(t => $"{t!["name"]!.GetValue<string>()}:{t["count"]!.GetValue<int>()}")];
    }

    /// <summary>PUT /api/tags/{path}, the path sent as given (<c>work%2Fclients</c> stays escaped).</summary>
    public static Task<HttpResponseMessage> RenameTagAsync(this TestUser user, string path, string? name) =>
        user.Client.PutAsJsonAsync($"/api/tags/{path}", new { name });

    public static Task<HttpResponseMessage> DeleteTagAsync(this TestUser user, string path) => user.Client.DeleteAsync($"/api/tags/{path}");

    public static string[] Tags(this JsonNode note) => [.. note["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    /// <summary>
    /// Puts the note in the trash as the app would, until <paramref name="purgeAt"/> (30 days ahead when not given), written straight
    /// to the database: the tag tests need a note in the trash, not the way one gets there.
    /// </summary>
    public static async Task PutInTrashAsync(this ApiFactory api, string noteId, DateTime? purgeAt = null)
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var written = await api.Service<IMongoCollection<Note>>().UpdateOneAsync(
            n => n.Id == noteId, Builders<Note>.Update.Set(n => n.TrashedAt, now).Set(n => n.PurgeAt, purgeAt ?? now.AddDays(30)));
        Assert.Equal(1, written.ModifiedCount);
    }
}
