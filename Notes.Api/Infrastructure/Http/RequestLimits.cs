namespace Notes.Api.Infrastructure.Http;

internal static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        // Kestrel stops chunked bodies as they stream past the limit; the middleware below answers declared lengths up front.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((http, next) => http.Request.ContentLength > MaxBodyBytes
            ? Problems.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge).ExecuteAsync(http)
            : next(http));
}
