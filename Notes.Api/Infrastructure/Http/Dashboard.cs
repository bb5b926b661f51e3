using Microsoft.Extensions.FileProviders;

namespace Notes.Api.Infrastructure.Http;

/// <summary>Serves the built Vue dashboard (web/dist) from the API's own origin, with a fallback to index.html for client routes.</summary>
internal static class Dashboard
{
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Web:Root"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "web", "dist"));
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            app.Logger.LogInformation("No dashboard build at {DashboardRoot}: serving the API only", root);
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            // Vite puts a content hash in every file name under assets/, so those may be cached for good.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });

        // Client routes (/login, /notes, ...) belong to the dashboard: a GET that no endpoint or file answers, outside the API
        // and its reference page and naming no file, gets index.html. This stays out of endpoint routing, where a catch-all
        // route would take the API's wrong-method (405) and wrong-content-type (415) requests and answer them 404.
        app.Use((http, next) => http.GetEndpoint() is null && IsClientRoute(http.Request)
            ? SendPageAsync(http, index)
            : next(http));
        return app;
    }

    static bool IsClientRoute(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !Surfaces.IsApi(request.Path)
        && !Surfaces.IsDocs(request.Path)
        && !Path.HasExtension(request.Path.Value);

    static Task SendPageAsync(HttpContext http, string index)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(index, "text/html; charset=utf-8").ExecuteAsync(http);
    }
}
