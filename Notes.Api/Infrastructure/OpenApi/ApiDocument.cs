using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpoints.Swagger;
using NJsonSchema.Generation;
using NSwag;
using NSwag.AspNetCore;
using NSwag.Generation;

namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document, written for client generators in any language: short stable names, every status with its headers, the
/// validators' limits in the schemas, one problem schema, and the bearer scheme on exactly the operations that need it.
/// </summary>
internal static class ApiDocument
{
    public const string Path = "/openapi/v1.json";

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The document, with the slices' schema names (<paramref name="schemaNames"/>) and <paramref name="ruleSchemas"/>: rules a
    /// validator checks in a way no schema processor can read. Both come from the features, which this code never reaches into.
    /// </summary>
    public static IServiceCollection AddApiDocument(
        this IServiceCollection services, ISchemaNameGenerator schemaNames, params ISchemaProcessor[] ruleSchemas) =>
        services.SwaggerDocument(o =>
        {
            // Tags come from the endpoint groups, not from path segments.
            o.AutoTagPathSegmentIndex = 0;
            o.TagDescriptions = tags =>
            {
                tags["Auth"] = "Accounts, signing in and out, your sessions, and the bearer token every other call carries.";
                tags["Account"] = "Your own account: what it holds, and changing its password.";
                tags["Notes"] = "Your own notes: nobody else's are ever listed, read or changed.";
                tags["Revisions"] = "The history of your own notes: the versions each change of a title or description replaced, to read and restore.";
                tags["Shares"] = "Links that show one of your notes, read-only, to anyone who has one: made, listed with their views, and revoked.";
                tags["Shared"] = "A note someone shared with you by a link: no account needed.";
                tags["Trash"] = "Your notes in the trash, all at once: each one leaves it by itself when its purgeAt has passed.";
                tags["Tags"] = "The tags on your own notes: counted, renamed and removed across all of them, nobody else's touched.";
                tags["Transfer"] = "All of your notes out in one file, and notes in from a file: a NotesSlices export, Markdown, or a zip of Markdown (Joplin, Obsidian).";
                tags["Health"] = "Whether the service, and the database behind it, answer.";
            };
            // Replaced below by a scheme named and spelt as validators expect.
            o.EnableJWTBearerAuth = false;
            o.RemoveEmptyRequestSchema = true;
            o.DocumentSettings = s =>
            {
                s.DocumentName = "v1";
                s.Title = "NotesSlices API";
                s.Version = "v1";
                s.Description = "Private notes behind a bearer token. Every error answer is application/problem+json with a stable code.";
                // The API always sends every non-nullable property, so the document says so and generated clients type them as present.
                s.MarkNonNullablePropsAsRequired();
                s.SchemaSettings.SchemaNameGenerator = schemaNames;
                s.SchemaSettings.SchemaProcessors.Add(new Problem.SchemaProcessor());
                foreach (var ruleSchema in ruleSchemas)
                    s.SchemaSettings.SchemaProcessors.Add(ruleSchema);
                s.AddAuth("bearer", new OpenApiSecurityScheme
                {
                    Type = OpenApiSecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The token that signing in (POST /api/auth/login) answers, as Authorization: Bearer <token>; or a personal " +
                        "access token (nsp_…, from POST /api/account/tokens) for a script: it reaches notes, tags, revisions, the trash, export " +
                        "and import, a read token only with GET, and is answered 403 insufficient_scope elsewhere.",
                });
                s.OperationProcessors.Insert(0, new CatchAllParameters());
                s.OperationProcessors.Add(new RequestParameters());
                s.OperationProcessors.Add(new FileResponses());
                s.PostProcess += document => document.Servers.Add(new OpenApiServer { Url = "/", Description = "The server that serves this document." });
            };
        });

    /// <summary>
    /// The document as JSON, with what NSwag's writer cannot say: it leaves every empty list out, the <c>security: []</c> that says an
    /// operation needs no token among them, and writes an integer's bounds as decimals (1.0), which integer readers refuse. Each
    /// operation's responses are listed by status.
    /// </summary>
    public static async Task<string> JsonAsync(IServiceProvider services)
    {
        var document = await services.GetRequiredService<IOpenApiDocumentGenerator>().GenerateAsync("v1");
        var json = JsonNode.Parse(document.ToJson())!;
        foreach (var operation in json["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()).Select(o => o.Value!.AsObject()))
        {
            operation.TryAdd("security", new JsonArray());
            var responses = operation["responses"]!.AsObject();
            var byStatus = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            responses.Clear();
            foreach (var (status, response) in byStatus)
                responses.Add(status, response);
        }
        foreach (var bounded in Descendants(json).Where(node => node["type"] is JsonValue type && type.ToString() == "integer").ToList())
        {
            foreach (var bound in new[] { "minimum", "maximum" }.Where(bounded.ContainsKey))
                bounded[bound] = (long)bounded[bound]!.GetValue<decimal>();
        }
        return json.ToJsonString(Indented);
    }

    static IEnumerable<JsonObject> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    /// <summary>Serves the document (made once, on its first request) and the reference page.</summary>
    public static WebApplication UseApiDocument(this WebApplication app)
    {
        var json = new Lazy<Task<string>>(() => JsonAsync(app.Services));
        app.MapGet(Path, async () => Results.Text(await json.Value, "application/json")).ExcludeFromDescription();
        app.UseSwaggerUi(ui => ui.ConfigureDefaults(s =>
        {
            s.Path = "/docs";
            // The document is served by the endpoint above, not by NSwag's own middleware, so the page is told where it is.
            s.SwaggerRoutes.Add(new SwaggerUiRoute("v1", Path));
        }));
        return app;
    }
}
