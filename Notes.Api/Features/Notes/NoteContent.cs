namespace Notes.Api.Features.Notes;

/// <summary>What a client writes into a note, for every slice that writes one: a title, which it must send, and a description.</summary>
internal abstract record NoteContent : SignedInRequest
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 10_000;

    // A JSON null reads as empty, like a missing title, which the rules refuse.
    public string Title { get; init => field = value ?? ""; } = "";
    public string? Description { get; init; }

    /// <summary>The rules every such slice's validator includes. A title is measured as it is stored: trimmed.</summary>
    internal sealed class Rules : AbstractValidator<NoteContent>
    {
        public Rules()
        {
            RuleFor(r => r.Title)
                .Cascade(CascadeMode.Stop)
                .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Title is required.")
                .Must(title => title.Trim().Length <= MaxTitleLength).WithMessage($"Title must be at most {MaxTitleLength} characters.");
            RuleFor(r => r.Description)
                .MaximumLength(MaxDescriptionLength).WithMessage($"Description must be at most {MaxDescriptionLength} characters.");
        }
    }
}
