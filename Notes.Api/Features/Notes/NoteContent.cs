namespace Notes.Api.Features.Notes;

/// <summary>What a client writes into a note, for every slice that writes one: a title, which it must send, and a description.</summary>
internal abstract record NoteContent : SignedInRequest
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 100_000;

    /// <summary>
    /// The request body limit, computed rather than picked: the largest valid note (a title, a description and every tag at their
    /// limits, a tag's characters counted as code points of two UTF-16 units each) with every unit sent as a 6-byte <c>\uXXXX</c>
    /// escape, as System.Text.Json's default encoder sends anything not ASCII, and 1 KiB for the names and punctuation around them.
    /// </summary>
    public const long MaxBodyBytes = (MaxTitleLength + MaxDescriptionLength + Tag.MaxPerNote * Tag.MaxLength * 2) * 6 + 1024;

    // A JSON null reads as empty, like a missing title, which the rules refuse.
    public string Title { get; init => field = value ?? ""; } = "";
    public string? Description { get; init; }

    /// <summary>The rules every such slice's validator includes.</summary>
    internal sealed class Rules : AbstractValidator<NoteContent>
    {
        public Rules()
        {
            RuleFor(r => (string?)r.Title).MustBeATitle();
            RuleFor(r => r.Description).MustBeADescription();
        }
    }
}

/// <summary>The rules for a note's title and description, for a request that writes either (a patch may send one without the other).</summary>
internal static class NoteContentRules
{
    /// <summary>A title is measured as it is stored: trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeATitle<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Title is required.")
        .Must(title => title!.Trim().Length <= NoteContent.MaxTitleLength).WithMessage($"Title must be at most {NoteContent.MaxTitleLength} characters.");

    public static IRuleBuilderOptions<T, string?> MustBeADescription<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(NoteContent.MaxDescriptionLength).WithMessage($"Description must be at most {NoteContent.MaxDescriptionLength} characters.");
}
