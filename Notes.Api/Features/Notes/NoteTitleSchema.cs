using NJsonSchema.Generation;

namespace Notes.Api.Features.Notes;

/// <summary>
/// The title rule in the schemas of the requests that write a note. Its validator measures the title after trimming, which no schema
/// processor reads from a rule, so the schema takes the same limits from <see cref="NoteContent"/>: not blank, at most 200 (a non-nullable
/// title is marked required with every other non-nullable member).
/// </summary>
internal sealed class NoteTitleSchema : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (!context.ContextualType.Type.IsAssignableTo(typeof(NoteContent)) || !context.Schema.Properties.TryGetValue("title", out var title))
            return;
        title.MinLength = 1;
        title.MaxLength = NoteContent.MaxTitleLength;
        // Not blank: at least one character that is not white space.
        title.Pattern = @"\S";
    }
}
