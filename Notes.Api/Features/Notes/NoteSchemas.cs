using NJsonSchema.Generation;

namespace Notes.Api.Features.Notes;

/// <summary>
/// The title and tag rules in the schemas of the requests that write a note, where no schema processor can read them from a rule:
/// the title is measured after trimming (not blank, at most 200; a non-nullable title is marked required with every other
/// non-nullable member), and tags are normalised before they are counted (at most 20, each 1 to 32 characters; which characters,
/// letters of any script among them, the document leaves to the 400 that names a bad one).
/// </summary>
internal sealed class NoteSchemas : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var type = context.ContextualType.Type;
        if (!type.IsAssignableTo(typeof(SignedInRequest)) || type.Namespace?.StartsWith(typeof(NoteSchemas).Namespace!, StringComparison.Ordinal) != true)
            return;
        if (context.Schema.Properties.TryGetValue("title", out var title))
        {
            title.MinLength = 1;
            title.MaxLength = NoteContent.MaxTitleLength;
            // Not blank: at least one character that is not white space.
            title.Pattern = @"\S";
        }
        if (context.Schema.Properties.TryGetValue("tags", out var tags) && tags.Item is { } tag)
        {
            tags.MaxItems = Tag.MaxPerNote;
            tag.MinLength = 1;
            tag.MaxLength = Tag.MaxLength;
        }
    }
}
