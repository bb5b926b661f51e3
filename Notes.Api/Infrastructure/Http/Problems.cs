using System.Diagnostics;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using MvcProblem = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Notes.Api.Infrastructure.Http;

/// <summary>One field a problem complains about, named as the request names it.</summary>
internal sealed record FieldError(string Name, string Reason);

/// <summary>
/// The one way an error is answered (RFC 9457), whoever answers it: an endpoint (<see cref="Of"/>), FastEndpoints' validation
/// (<see cref="FromFailures"/>) and the middleware's own refusals (<see cref="Complete"/>, through the problem details service)
/// all give every problem the same members: type, title, status, detail, instance, traceId, code and errors.
/// </summary>
internal static class Problems
{
    /// <summary>
    /// An endpoint's error answer: a status, the stable code a client branches on, and words for a person; and any members of its
    /// own that the problem's documented schema adds (a 412's <c>current</c>).
    /// </summary>
    public static IResult Of(
        int status, string code, string? detail = null, IReadOnlyList<FieldError>? errors = null, IReadOnlyDictionary<string, object>? members = null)
    {
        var problem = new MvcProblem { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        foreach (var (name, value) in members ?? new Dictionary<string, object>())
            problem.Extensions[name] = value;
        return TypedResults.Problem(problem);
    }

    /// <summary>FastEndpoints' answer to failed binding or validation: every failure named, the only one also as the detail.</summary>
    public static object FromFailures(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .DistinctBy(f => f.PropertyName, StringComparer.OrdinalIgnoreCase)
            .Select(f => new FieldError(JsonNamingPolicyName(f.PropertyName), f.ErrorMessage))
            .ToList();
        var problem = new MvcProblem
        {
            Status = status,
            Detail = errors is [var only] ? only.Reason : "Some fields are not valid: see errors.",
        };
        problem.Extensions["code"] = ProblemCodes.ValidationFailed;
        problem.Extensions["errors"] = errors;
        Complete(problem, http);
        return problem;
    }

    /// <summary>Fills in what every problem carries and its producer left out.</summary>
    public static void Complete(MvcProblem problem, HttpContext http)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Type = TypeOf(status);
        problem.Title = ReasonPhrases.GetReasonPhrase(status);
        problem.Instance ??= http.Request.Path;
        problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
        // W3C trace context (traceparent form), the id a tracing backend shows; the host starts an activity for every request.
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Extensions.TryAdd("errors", Array.Empty<FieldError>());
    }

    /// <summary>Where HTTP defines the status: RFC 9110 for all it defines, RFC 6585 for 429, which it does not.</summary>
    static string TypeOf(int status) => status switch
    {
        400 => Rfc9110("15.5.1"),
        401 => Rfc9110("15.5.2"),
        403 => Rfc9110("15.5.4"),
        404 => Rfc9110("15.5.5"),
        405 => Rfc9110("15.5.6"),
        409 => Rfc9110("15.5.10"),
        412 => Rfc9110("15.5.13"),
        413 => Rfc9110("15.5.14"),
        415 => Rfc9110("15.5.16"),
        422 => Rfc9110("15.5.21"),
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => Rfc9110("15.6.4"),
        _ => Rfc9110("15.6.1"),
    };

    static string Rfc9110(string section) => $"https://www.rfc-editor.org/rfc/rfc9110#section-{section}";

    // Failures name properties as C# does (Title); clients know them as JSON does (title).
    static string JsonNamingPolicyName(string property) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property);
}
