using System.IO.Compression;
using System.Text;
using YamlDotNet.Serialization;

namespace Notes.Api.Tests.Features.Transfer;

/// <summary>The export calls and readings the transfer tests make on the way to their own assertions.</summary>
public static class ExportCalls
{
    public static Task<HttpResponseMessage> ExportAsync(this TestUser user, string query) => user.Client.GetAsync($"/api/export{query}");

    public static async Task<JsonNode> ExportJsonAsync(this TestUser user, string query = "")
    {
        var response = await user.ExportAsync($"?format=json{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The Markdown export's files by their path in the zip, each as its text.</summary>
    public static async Task<Dictionary<string, string>> ExportMarkdownAsync(this TestUser user)
    {
        var response = await user.ExportAsync("?format=markdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FilesAsync(await response.Content.ReadAsStreamAsync());
    }

    public static async Task<Dictionary<string, string>> FilesAsync(Stream zipped)
    {
        await using var zip = await ZipArchive.CreateAsync(zipped, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var text = new StreamReader(await entry.OpenAsync(), Encoding.UTF8);
            files.Add(entry.FullName, await text.ReadToEndAsync());
        }
        return files;
    }

    /// <summary>A file's front matter as a YAML parser reads it, and the text after it.</summary>
    public static (Dictionary<string, object> FrontMatter, string Body) Parse(string file)
    {
        Assert.StartsWith("---\n", file, StringComparison.Ordinal);
        var end = file.IndexOf("\n---\n\n", 4, StringComparison.Ordinal);
        Assert.True(end > 0, "The front matter is not closed.");
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(file[4..(end + 1)]);
        return (yaml, file[(end + "\n---\n\n".Length)..]);
    }

    public static JsonObject[] Notes(this JsonNode export) => [.. export["notes"]!.AsArray().Select(n => n!.AsObject())];
}
