using Microsoft.AspNetCore.Http.Features;

namespace Notes.Api.Infrastructure.Http;

/// <summary>The most bytes a request body may hold, which the composition root sets from the largest valid request.</summary>
internal sealed record RequestBodyLimit(long MaxBytes);

/// <summary>
/// Endpoint metadata for the one endpoint that takes more than <see cref="RequestBodyLimit"/>, an upload: its own limit, read from
/// the services when a request comes (a configured option), for the body and for the multipart form it holds.
/// </summary>
internal sealed record LargerBodyLimit(Func<IServiceProvider, long> MaxBytes);

internal static class RequestLimits
{
    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder, long maxBodyBytes)
    {
        // Kestrel stops chunked bodies as they stream past the limit; the middleware below answers declared lengths up front.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);
        builder.Services.AddSingleton(new RequestBodyLimit(maxBodyBytes));
        return builder;
    }

    /// <summary>After routing (which WebApplication puts first), so an endpoint's <see cref="LargerBodyLimit"/> is known here.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<RequestBodyLimit>().MaxBytes;
        return app.Use((http, next) =>
        {
            var max = limit;
            if (http.GetEndpoint()?.Metadata.GetMetadata<LargerBodyLimit>() is { } larger)
            {
                max = larger.MaxBytes(http.RequestServices);
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
                    kestrelLimit.MaxRequestBodySize = max;
                // The form reader has limits of its own (a 128 MiB body, 64 KiB in memory per file before a temporary file): the
                // body's limit is the one that counts.
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = max }));
            }
            return http.Request.ContentLength > max
                ? Problems.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge).ExecuteAsync(http)
                : next(http);
        });
    }
}
