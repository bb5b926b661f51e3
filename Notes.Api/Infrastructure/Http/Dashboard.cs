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

        app.MapFallback("{*path:nonfile}", (HttpContext http) =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(index, "text/html; charset=utf-8");
        });
        return app;
    }
}
