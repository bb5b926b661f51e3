namespace Notes.Api.Infrastructure.Http;

/// <summary>The most bytes a request body may hold, which the composition root sets from the largest valid request.</summary>
internal sealed record RequestBodyLimit(long MaxBytes);

internal static class RequestLimits
{
    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder, long maxBodyBytes)
    {
        // Kestrel stops chunked bodies as they stream past the limit; the middleware below answers declared lengths up front.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);
        builder.Services.AddSingleton(new RequestBodyLimit(maxBodyBytes));
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<RequestBodyLimit>().MaxBytes;
        return app.Use((http, next) => http.Request.ContentLength > limit
            ? Problems.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge).ExecuteAsync(http)
            : next(http));
    }
}
