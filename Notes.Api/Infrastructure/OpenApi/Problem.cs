using System.ComponentModel;
using Newtonsoft.Json.Linq;
using NJsonSchema.Generation;

namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>
/// Every problem answer as the document describes it: the one schema all error responses refer to. The answers themselves are
/// made by <see cref="Problems"/>; this record only documents their shape, and is never sent. A problem with members of its own
/// (a 412's note as it is now) is documented by a record derived from it, which the document shows with these members and its own.
/// </summary>
[Description("An error answer (RFC 9457). Branch on code, never on the English detail.")]
internal record Problem(
    [property: Description("Where HTTP defines the status: RFC 9110 (RFC 6585 for 429).")] string Type,
    [property: Description("The status's reason phrase.")] string Title,
    [property: Description("The HTTP status, as on the response.")] int Status,
    [property: Description("What went wrong, in words for a person; it may change.")] string? Detail,
    [property: Description("The path of the request.")] string Instance,
    [property: Description("The request's W3C trace context (traceparent form), as the server's logs and traces show it.")] string TraceId,
    [property: Description("The stable, machine-readable reason: what a client branches on. New codes may be added; none is renamed.")] string Code,
    [property: Description("The fields that were refused, each with its reason; empty when the problem is not about fields.")] IReadOnlyList<FieldError> Errors)
{
    public const string ContentType = "application/problem+json";

    /// <summary>
    /// The <c>code</c> of the problem schema and of every schema derived from it (the document flattens them) lists every code, and
    /// the problem schema shows a whole answer as its example.
    /// </summary>
    public sealed class SchemaProcessor : ISchemaProcessor
    {
        public void Process(SchemaProcessorContext context)
        {
            // Also called for the reference that points at the schema, which has no properties of its own.
            if (!context.ContextualType.Type.IsAssignableTo(typeof(Problem)) || !context.Schema.Properties.TryGetValue("code", out var code))
                return;
            foreach (var value in ProblemCodes.All)
                code.Enumeration.Add(value);
            if (context.ContextualType.Type != typeof(Problem))
                return;
            context.Schema.Example = JObject.FromObject(new
            {
                type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
                title = "Bad Request",
                status = 400,
                detail = "Title is required.",
                instance = "/api/notes",
                traceId = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                code = ProblemCodes.ValidationFailed,
                errors = new[] { new { name = "title", reason = "Title is required." } },
            });
        }
    }
}

internal static class ProblemResponses
{
    /// <summary>Documents that the endpoint may answer these statuses, each as a <see cref="Problem"/>.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.Produces<Problem>(status, Problem.ContentType);
        return builder;
    }

    /// <summary>The <c>Retry-After</c> header that comes with a 429 and a 503.</summary>
    public static ResponseHeader RetryAfter(int status) =>
        new(status, "Retry-After") { Description = "How many seconds to wait before trying again.", Example = 5 };
}
