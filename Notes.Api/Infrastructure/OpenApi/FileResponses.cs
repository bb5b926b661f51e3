using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>
/// A status an endpoint may also answer with a file of this content type, beside what its Produces declares for it: the endpoint
/// metadata keeps one type per status, so a status that is JSON or a zip as asked is declared once with Produces and once with this.
/// </summary>
internal sealed record FileResponse(int Status, string ContentType);

/// <summary>Documents each <see cref="FileResponse"/> as its status's content of that type: bytes, a string of format binary.</summary>
internal sealed class FileResponses : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var files = ((AspNetCoreOperationProcessorContext)context).ApiDescription.ActionDescriptor.EndpointMetadata.OfType<FileResponse>();
        foreach (var file in files)
        {
            var responses = context.OperationDescription.Operation.Responses;
            var status = file.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(status, out var response))
                responses[status] = response = new OpenApiResponse();
            response.Content[file.ContentType] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, Format = JsonFormatStrings.Binary } };
        }
        return true;
    }
}
