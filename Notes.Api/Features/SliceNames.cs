using System.Text.Json;
using NJsonSchema.Generation;

namespace Notes.Api.Features;

/// <summary>
/// The names clients see for a slice, read from where it lives (<c>Features.{Area}.{Slice}</c>) so that no slice spells its own and
/// none is built from a namespace: an endpoint's name and operation id, and the schema names of the slice's <c>Request</c> and <c>Response</c>.
/// </summary>
internal static class SliceNames
{
    const string Features = "Notes.Api.Features.";

    /// <summary>
    /// What the slice does: a slice named for a verb on the area's items takes the item's name (Notes.Update is <c>updateNote</c>,
    /// Tags.Rename <c>renameTag</c>, Revisions.Restore <c>restoreRevision</c>, Notes.List <c>listNotes</c>, Trash.Empty <c>emptyTrash</c>); any other is named for what it does
    /// already (Auth.LogoutAll is <c>logoutAll</c>).
    /// </summary>
    public static string OperationId(Type sliceType) => JsonNamingPolicy.CamelCase.ConvertName(Action(sliceType));

    /// <summary>FastEndpoints' endpoint names, which <c>CreatedAtAsync</c> links by too: the operation id, one per route.</summary>
    public static string EndpointName(EndpointNameGenerationContext context) => OperationId(context.EndpointType) + context.RouteNumber;

    /// <summary>
    /// A slice's own <c>Request</c>, <c>Response</c> and request <c>Body</c> (when the body is one member of the request) are named for
    /// its operation (<c>UpdateNoteRequest</c>, <c>RenameTagBody</c>); every other type keeps its own name, a nested one included
    /// (<c>TokenResponse.Account</c> is <c>Account</c>).
    /// </summary>
    internal sealed class SchemaNameGenerator : ISchemaNameGenerator
    {
        public string Generate(Type type) =>
            type.Name is "Request" or "Response" or "Body" && type.Namespace?.StartsWith(Features, StringComparison.Ordinal) == true
                ? Action(type) + type.Name
                : type.Name;
    }

    static string Action(Type sliceType)
    {
        var path = sliceType.Namespace is { } ns && ns.StartsWith(Features, StringComparison.Ordinal)
            ? ns[Features.Length..].Split('.')
            : throw new InvalidOperationException($"{sliceType.FullName} is not in a slice under {Features}");
        // An area with a single slice (Health) is that slice's folder too.
        var (area, slice) = (path[0], path[^1]);
        return slice switch
        {
            "Add" or "Get" or "Update" or "Patch" or "Rename" or "Delete" or "Restore" or "Create" or "Revoke" or "Read" => slice + area.TrimEnd('s'),
            "List" or "Empty" => slice + area,
            _ => slice,
        };
    }
}
