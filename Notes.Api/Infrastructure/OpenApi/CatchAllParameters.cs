using System.Text.RegularExpressions;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>
/// A catch-all route parameter (<c>{**name}</c>, whose value may hold a <c>/</c>) documented as the plain path parameter OpenAPI
/// knows (<c>{name}</c>). FastEndpoints reads the route from the API description and keeps the asterisks, so the parameter would
/// match no request property (which it then documents as a body) and carry a name no generated client can call. Runs before
/// FastEndpoints' own processor, which then documents the parameter as any other.
/// </summary>
internal sealed partial class CatchAllParameters : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var description = ((AspNetCoreOperationProcessorContext)context).ApiDescription;
        description.RelativePath = CatchAll().Replace(description.RelativePath ?? "", "{");
        return true;
    }

    [GeneratedRegex(@"\{\*\*?")]
    private static partial Regex CatchAll();
}
