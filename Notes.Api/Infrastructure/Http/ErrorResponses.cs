using System.Globalization;
using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Infrastructure.Http;

/// <summary>Every error leaves as RFC 9457 problem details, and no exception text ever reaches a client.</summary>
internal static class ErrorResponses
{
    /// <summary>How long a client is asked to wait before retrying while the database is unavailable.</summary>
    const int RetryAfterSeconds = 5;

    public static IServiceCollection AddErrorResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                problem.Detail ??= "The database is unavailable. Try again shortly.";
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
            if (problem.Status == StatusCodes.Status413PayloadTooLarge)
                problem.Detail ??= $"Request bodies are limited to {context.HttpContext.RequestServices.GetRequiredService<RequestBodyLimit>().MaxBytes / 1024} KiB.";
            if (problem.Status == StatusCodes.Status405MethodNotAllowed)
                problem.Detail ??= "This address does not accept that method; the Allow header lists those it does.";
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
                problem.Detail ??= "Send the request body as JSON, with Content-Type: application/json.";

            Problems.Complete(problem, context.HttpContext);
        });

    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException badRequest => badRequest.StatusCode,
                _ when MongoErrors.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // A client's malformed or oversized request is its mistake, not the server's: answered, not logged as a failure.
            // Nor is a request its client gave up on: cutting a database wait short can surface as a connection error.
            SuppressDiagnosticsCallback = context =>
                context.Exception is BadHttpRequestException || context.HttpContext.RequestAborted.IsCancellationRequested,
        })
        // Fills in a problem body for error statuses that left without one, such as unknown routes.
        .UseStatusCodePages()
        .Use(RefuseMissingContentType);

    /// <summary>
    /// FastEndpoints refuses a request with no Content-Type at an endpoint that reads a body with a bare 415 it starts at once,
    /// too late for a problem body: the same refusal is made here first, as the problem every other 415 is.
    /// </summary>
    static Task RefuseMissingContentType(HttpContext http, RequestDelegate next) =>
        !http.Request.Headers.ContainsKey(HeaderNames.ContentType)
        && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && !accepts.ContentTypes.Contains("*/*")
            ? Problems.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType).ExecuteAsync(http)
            : next(http);

    /// <summary>Binding failures name the offending field in our own words; parser messages stay on the server.</summary>
    public static void UseReadableBindingErrors(this BindingOptions binding)
    {
        binding.FailureMessage = (_, field, value) => $"'{value}' is not a valid value for {field}.";
        // The reader's own exception inside means the text is not JSON at all; otherwise a value did not fit its field.
        binding.JsonExceptionTransformer = ex => ex is { InnerException: not JsonException, Path: { Length: > 2 } path }
            ? new ValidationFailure(path[2..], $"{path[2..]} has a value of the wrong type.")
            : new ValidationFailure("body", "The request body is not valid JSON.");
    }
}
