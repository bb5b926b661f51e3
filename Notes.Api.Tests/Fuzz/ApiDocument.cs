namespace Notes.Api.Tests.Fuzz;

/// <summary>An operation as the API's OpenAPI document describes it.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiParameter(string Name, string In, JsonNode Schema);

/// <summary>
/// The API's OpenAPI document, read generically: operations, parameters and schemas are found by the document's own structure
/// (paths, <c>$ref</c>s, keywords), never by a schema's or an operation's name, so the fuzzer follows the document as it changes.
/// </summary>
public sealed class ApiDocument(JsonNode document)
{
    public IReadOnlyList<ApiOperation> Operations() =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           select new ApiOperation(
               operation.Key.ToUpperInvariant(),
               path.Key,
               [.. (operation.Value!["parameters"]?.AsArray() ?? []).Select(p => Resolve(p!)).Select(p =>
                   new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(p["schema"]!)))],
               Resolve(operation.Value["requestBody"] ?? new JsonObject())["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema) : null),
    ];

    /// <summary>Words the document itself uses (property names, defaults, listed values): what a query value most likely has to be.</summary>
    public IEnumerable<string> Words() => WordsIn(document);

    /// <summary>The schema a <c>$ref</c> points to (followed as far as it goes), or the schema itself.</summary>
    public JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(document, (node, key) => node[key]!))
            : schema;

    public string[] PropertyNames(JsonNode schema) => [.. (Resolve(schema)["properties"]?.AsObject() ?? []).Select(p => p.Key)];

    /// <summary>The schema's type; OpenAPI 3.1 may list it with "null" (<c>["string", "null"]</c>), 3.0 says so with <c>nullable</c>.</summary>
    public static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => null,
    };

    public static bool IsNullable(JsonNode schema) =>
        schema["nullable"]?.GetValue<bool>() == true || schema["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null");

    /// <summary>The values the schema lists (<c>enum</c>), as text; empty when it lists none.</summary>
    public static string[] Listed(JsonNode schema) =>
        [.. (schema["enum"]?.AsArray() ?? []).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : v.ToJsonString())];

    static IEnumerable<string> WordsIn(JsonNode? node)
    {
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            if (child is JsonObject properties && child.Parent is JsonObject && child.GetPropertyName() == "properties")
                foreach (var property in properties)
                    yield return property.Key;
            if (child is JsonValue value && child.Parent is JsonObject && child.GetPropertyName() == "default" && value.TryGetValue<string>(out var defaultWord))
                yield return defaultWord;
            if (child is JsonObject schema && schema["enum"] is JsonArray)
                foreach (var listed in Listed(schema))
                    yield return listed;
            foreach (var word in WordsIn(child))
                yield return word;
        }
    }
}
