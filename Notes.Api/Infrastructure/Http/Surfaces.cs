namespace Notes.Api.Infrastructure.Http;

/// <summary>What the app serves at a path: the API with its machine-readable surroundings, the API reference page, or the dashboard.</summary>
internal static class Surfaces
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/openapi");

    /// <summary>Swagger UI, served by its own middleware at the path Program gives it.</summary>
    public static bool IsDocs(PathString path) => path.StartsWithSegments("/docs");
}
