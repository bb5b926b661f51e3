using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// Writes the OpenAPI document to a file and exits, without a database or a port anyone needs to know:
/// <c>dotnet run --project Notes.Api -- --export-openapi web/openapi/v1.json</c> feeds the dashboard's client generator.
/// </summary>
internal static class OpenApiExport
{
    public static string? RequestedPath(WebApplicationBuilder builder) => builder.Configuration["export-openapi"];

    /// <summary>
    /// The endpoints are built as usual, but no request is served: the database is never dialled, no token is signed,
    /// and start-up work is skipped.
    /// </summary>
    public static void PrepareForExport(this WebApplicationBuilder builder)
    {
        builder.Configuration["Mongo:ConnectionString"] ??= "mongodb://127.0.0.1:1";
        builder.Configuration["Auth:SigningKey"] ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        builder.Services.RemoveAll<IHostedService>();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
    }

    public static async Task WriteAsync(WebApplication app, string path)
    {
        // The document is generated from the endpoint data sources, which are complete only once the app has started.
        await app.StartAsync();
        var document = await ApiDocument.JsonAsync(app.Services);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, document + "\n");
        app.Logger.LogInformation("OpenAPI document written to {OpenApiPath}", path);
        await app.StopAsync();
    }
}
