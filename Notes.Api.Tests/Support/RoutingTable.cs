using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using MongoDB.Bson;

namespace Notes.Api.Tests.Support;

/// <summary>One HTTP method on one route, and whether the app lets a caller without a token through to it.</summary>
/// <see cref="TakesAFile"/>: its body is a multipart upload rather than JSON. A request to it must send one to be routed at all:
/// ASP.NET Core answers a body of another type 415 while routing, before authentication.
public sealed record Route(string Method, string Pattern, bool Anonymous, bool TakesAFile = false)
{
    public override string ToString() => $"{Method} /{Pattern}{(Anonymous ? " (anonymous)" : "")}";
}

/// <summary>
/// The app's own routing table, read as the app serves it: what the access tests walk, so an endpoint added tomorrow is judged
/// by them the moment it exists.
/// </summary>
public static partial class RoutingTable
{
    public static List<Route> Routes(ApiFactory api) =>
    [
        .. api.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
            (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method =>
                new Route(method, endpoint.RoutePattern.RawText!.TrimStart('/'), IsAnonymous(endpoint, method),
                    endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") is true))),
    ];

    /// <summary>Every route that asks for a caller, and there are some.</summary>
    public static List<Route> ProtectedRoutes(ApiFactory api)
    {
        var routes = Routes(api).Where(r => !r.Anonymous).ToList();
        Assert.NotEmpty(routes);
        return routes;
    }

    /// <summary>Anonymous unless it demands authorisation and does not also waive it, for this method in FastEndpoints' terms too.</summary>
    static bool IsAnonymous(RouteEndpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
        || endpoint.Metadata.GetMetadata<EndpointDefinition>()?.AnonymousVerbs?.Contains(method) is true;

    /// <summary>
    /// A request the route matches: every route parameter is a well-formed id (a number where the route asks for one), and a
    /// body is sent where one is expected.
    /// </summary>
    public static HttpRequestMessage RequestTo(Route route) =>
        new(new HttpMethod(route.Method == "*" ? "GET" : route.Method), "/" + RouteParameter().Replace(
            route.Pattern, parameter => parameter.Value.EndsWith(":int}", StringComparison.Ordinal) ? "1" : ObjectId.GenerateNewId().ToString()))
        {
            Content = route.Method is not ("POST" or "PUT" or "PATCH") ? null
                : route.TakesAFile ? new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.md" } }
                : JsonContent.Create(new { }),
        };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
