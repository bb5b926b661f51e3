using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// Serves the built Vue dashboard (web/dist) from the API's own origin, with a fallback to index.html for client routes.
/// The build writes a brotli and a gzip copy beside each text file (web/build/precompress.ts); a browser that accepts one gets
/// it, so nothing is compressed per request.
/// </summary>
internal static class Dashboard
{
    // Brotli first: about 10% smaller than gzip on these files (the main script: 36.7 against 40.5 KiB).
    static readonly (string Encoding, string Extension)[] Copies = [("br", ".br"), ("gzip", ".gz")];

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Web:Root"] ?? Path.Combine(app.Environment.ContentRootPath, "..", "web", "dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogInformation("No dashboard build at {DashboardRoot}: serving the API only", root);
            return app;
        }
        var files = new PhysicalFileProvider(root);

        // Before the static files: a file request is pointed at the compressed copy the client accepts, when there is one.
        app.Use((http, next) =>
        {
            if (IsRead(http.Request) && Path.HasExtension(http.Request.Path.Value)
                && CompressedCopy(http.Request, files, http.Request.Path.Value!) is { } copy)
                http.Request.Path = copy;
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new TypeOfCompressedFile(),
            OnPrepareResponse = file =>
            {
                // Vite puts a content hash in every file name under assets/, so those may be cached for good.
                file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
                DescribeEncoding(file.Context.Response, file.File.Name);
            },
        });

        // Client routes (/login, /notes, ...) belong to the dashboard: a GET that no endpoint or file answers, outside the API
        // and its reference page and naming no file, gets index.html. This stays out of endpoint routing, where a catch-all
        // route would take the API's wrong-method (405) and wrong-content-type (415) requests and answer them 404.
        app.Use((http, next) => http.GetEndpoint() is null && IsClientRoute(http.Request)
            ? SendPageAsync(http, files)
            : next(http));
        return app;
    }

    static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    static bool IsClientRoute(HttpRequest request) =>
        IsRead(request)
        && !Surfaces.IsApi(request.Path)
        && !Surfaces.IsDocs(request.Path)
        && !Path.HasExtension(request.Path.Value);

    static Task SendPageAsync(HttpContext http, PhysicalFileProvider files)
    {
        var page = CompressedCopy(http.Request, files, "/index.html") ?? "/index.html";
        http.Response.Headers.CacheControl = "no-cache";
        DescribeEncoding(http.Response, page);
        return TypedResults.PhysicalFile(Path.Combine(files.Root, page.TrimStart('/')), "text/html; charset=utf-8").ExecuteAsync(http);
    }

    /// <summary>The path of the file's compressed copy the request accepts (brotli before gzip), or null to send the file itself.</summary>
    static string? CompressedCopy(HttpRequest request, IFileProvider files, string path)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, extension) in Copies)
        {
            // "q=0" refuses an encoding.
            if (accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0)
                && files.GetFileInfo(path + extension).Exists)
                return path + extension;
        }
        return null;
    }

    /// <summary>
    /// Every dashboard file may come in another encoding, so caches key on Accept-Encoding; a compressed copy says which it is
    /// (also when asked for by its own name: its bytes are the compressed file's either way).
    /// </summary>
    static void DescribeEncoding(HttpResponse response, string servedName)
    {
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        foreach (var (encoding, extension) in Copies)
        {
            if (servedName.EndsWith(extension, StringComparison.Ordinal))
                response.Headers.ContentEncoding = encoding;
        }
    }

    /// <summary>A compressed copy has the type of the file it compresses (index.js.br is JavaScript).</summary>
    sealed class TypeOfCompressedFile : IContentTypeProvider
    {
        readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Copies)
            {
                if (subpath.EndsWith(extension, StringComparison.Ordinal))
                    subpath = subpath[..^extension.Length];
            }
            return _types.TryGetContentType(subpath, out contentType!);
        }
    }
}
