namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// FastEndpoints maps <c>GET /_test_url_cache_</c> in every environment, for its own testing library (which this app does not use),
/// and it would tell anyone the type name behind every route. It is answered as an address that does not exist.
/// </summary>
internal static class FastEndpointsTestRoute
{
    public const string Pattern = "_test_url_cache_";

    // Judged by the route the request matched, so every spelling the router accepts (any case, a trailing slash) is caught.
    public static IApplicationBuilder HideFastEndpointsTestRoute(this IApplicationBuilder app) =>
        app.Use((http, next) => http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: Pattern }
            ? Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.RouteNotFound).ExecuteAsync(http)
            : next(http));
}
