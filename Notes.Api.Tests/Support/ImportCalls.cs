using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Notes.Api.Tests.Support;

/// <summary>Uploads to POST /api/import, and the files a test builds to upload.</summary>
public static class ImportCalls
{
    public static Task<HttpResponseMessage> ImportAsync(this TestUser user, string fileName, byte[] bytes, string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = form };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return user.Client.SendAsync(request);
    }

    /// <summary>An import that is meant to succeed, as a step on the way: its report.</summary>
    public static async Task<JsonNode> ImportedAsync(this TestUser user, string fileName, byte[] bytes, string? idempotencyKey = null)
    {
        var response = await user.ImportAsync(fileName, bytes, idempotencyKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static int Created(this JsonNode report) => report["created"]!.GetValue<int>();

    public static int Skipped(this JsonNode report) => report["skipped"]!.GetValue<int>();

    public static JsonArray Failed(this JsonNode report) => report["failed"]!.AsArray();

    /// <summary>Every note the user can see: the active ones, the archive and the trash, up to 100 of each.</summary>
    public static async Task<List<JsonNode>> AllNotesAsync(this TestUser user)
    {
        var notes = new List<JsonNode>();
        foreach (var view in new[] { "active", "archived", "trash" })
            notes.AddRange((await user.ListNotesAsync($"?view={view}&pageSize=100"))["items"]!.AsArray().Select(n => n!));
        return notes;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A zip of these entries, each stored under its name exactly as given (folders, dots and all).</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Zip(params (string Name, string Text)[] entries) => Zip([.. entries.Select(e => (e.Name, Utf8(e.Text)))]);

    /// <summary>A NotesSlices JSON export (formatVersion 1) of these notes, each an object as the notes API answers it.</summary>
    public static byte[] Export(params object[] notes) => JsonSerializer.SerializeToUtf8Bytes(
        new { format = "notesslices", formatVersion = 1, exportedAt = DateTime.UtcNow, username = "someone", notes },
        new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
