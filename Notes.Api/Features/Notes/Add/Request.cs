namespace Notes.Api.Features.Notes.Add;

internal sealed record Request : NoteContent
{
    public bool? Pinned { get; init; }

    /// <summary>Up to 20 tags: letters of any script, digits, -, _ and / (to nest: work/clients). Stored in lower case.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public bool? Archived { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            Include(new Rules());
            RuleFor(r => r.Tags).MustBeTags();
        }
    }
}
