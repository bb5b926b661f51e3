namespace Notes.Api.Features.Notes;

/// <summary>What a note's title and description may be, for every slice that writes one.</summary>
internal static class NoteRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 10_000;

    public static void ValidNoteTitle<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Title is required.")
            .Must(title => title.Trim().Length <= MaxTitleLength).WithMessage($"Title must be at most {MaxTitleLength} characters.");

    public static void ValidNoteDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxDescriptionLength).WithMessage($"Description must be at most {MaxDescriptionLength} characters.");
}
