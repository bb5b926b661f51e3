using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// FastEndpoints reads a body as JSON whenever the request says it holds JSON, and several HTTP client libraries say so on a
/// GET or DELETE that sends nothing: such a request is read as one without a body, not refused as invalid JSON.
/// </summary>
internal static class JsonBodies
{
    public static Func<HttpRequest, Type, JsonSerializerContext?, CancellationToken, ValueTask<object?>> ReadUnlessEmpty(JsonSerializerOptions options) =>
        // Null makes FastEndpoints start from an empty request, which the other sources (route, claims, query) then fill.
        (request, type, context, ct) => IsEmpty(request)
            ? ValueTask.FromResult<object?>(null)
            : request.ReadFromJsonAsync(type, context?.Options ?? options, ct);

    static bool IsEmpty(HttpRequest request) =>
        request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;
}
