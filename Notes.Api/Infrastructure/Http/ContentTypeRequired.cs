using Microsoft.AspNetCore.Http.Metadata;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// An endpoint that reads a JSON body refuses a request naming no Content-Type with 415. FastEndpoints sends that as a bare status,
/// already started; answered here first, it is problem details like every other error.
/// </summary>
internal static class ContentTypeRequired
{
    public static IApplicationBuilder UseContentTypeRequired(this IApplicationBuilder app) =>
        app.Use((http, next) =>
            string.IsNullOrEmpty(http.Request.ContentType)
            && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && !accepts.ContentTypes.Contains("*/*")
                ? TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: $"Send the body with Content-Type: {string.Join(" or ", accepts.ContentTypes)}.").ExecuteAsync(http)
                : next(http));
}
