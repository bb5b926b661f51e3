using NSwag.Generation;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// Writes the OpenAPI document to a file without starting the server or touching the database:
/// <c>dotnet run --project Notes.Api -- --export-openapi web/openapi/v1.json</c> feeds the dashboard's client generator.
/// </summary>
internal static class OpenApiExport
{
    public static async Task WriteAsync(WebApplication app, string path)
    {
        var document = await app.Services.GetRequiredService<IOpenApiDocumentGenerator>().GenerateAsync("v1");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, document.ToJson() + "\n");
        app.Logger.LogInformation("OpenAPI document written to {OpenApiPath}", path);
    }
}
