using System.Reflection;
using FastEndpoints.Swagger;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>The values a query parameter may take, for an endpoint to declare where its validator cannot say it (a set to choose from).</summary>
internal sealed record AllowedValues(string Parameter, IEnumerable<string> Values);

/// <summary>
/// Parameters as the request binds them: a header under the exact name its <c>[FromHeader]</c> gives (FastEndpoints camel-cases it),
/// a query value with the limits its validator checks (FastEndpoints puts those on body schemas only) and its allowed values, and a
/// body bound to one member of the request as that member alone.
/// </summary>
internal sealed class RequestParameters : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.GetEndpointDefinition() is not { } endpoint)
            return true;
        var parameters = context.OperationDescription.Operation.Parameters;

        // A request whose body is one of its members ([FromBody]) is documented by that member's schema: its own describes no body.
        if (endpoint.ReqDtoType.GetProperties().Any(p => p.IsDefined(typeof(FromBodyAttribute))) && context.SchemaResolver.HasSchema(endpoint.ReqDtoType, false))
        {
            var shell = context.SchemaResolver.GetSchema(endpoint.ReqDtoType, false);
            foreach (var name in context.Document.Components.Schemas.Where(s => s.Value == shell).Select(s => s.Key).ToList())
                context.Document.Components.Schemas.Remove(name);
        }

        foreach (var header in endpoint.ReqDtoType.GetProperties().Select(p => p.GetCustomAttribute<FromHeaderAttribute>()?.HeaderName).OfType<string>())
        {
            foreach (var parameter in parameters.Where(p => p.Kind == OpenApiParameterKind.Header && p.Name.Equals(header, StringComparison.OrdinalIgnoreCase)))
                parameter.Name = header;
        }

        var query = parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList();
        if (query.Count == 0)
            return true;
        // The request's own schema, which FastEndpoints' validation processor fills with the validator's rules.
        var rules = context.SchemaGenerator.Generate(endpoint.ReqDtoType).ActualProperties;
        var allowed = ((AspNetCoreOperationProcessorContext)context).ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AllowedValues>().ToList();
        foreach (var parameter in query)
        {
            var schema = parameter.Schema;
            if (rules.TryGetValue(parameter.Name, out var rule))
            {
                schema.MinLength = rule.MinLength;
                schema.MaxLength = rule.MaxLength;
                schema.Minimum = rule.Minimum;
                schema.Maximum = rule.Maximum;
                schema.Pattern = rule.Pattern;
            }
            foreach (var value in allowed.Where(a => a.Parameter == parameter.Name).SelectMany(a => a.Values))
                schema.Enumeration.Add(value);
        }
        return true;
    }
}
