using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace Notes.Api.Features.Notes;

/// <summary>
/// What a tag may be, and the one form it is stored and compared in: Unicode NFC, then lower case, so <c>Work</c>, <c>WORK</c>
/// and <c>work</c> are one tag. A <c>/</c> nests one tag below another: <c>work/clients</c> is below <c>work</c>.
/// </summary>
internal static class Tag
{
    public const int MaxPerNote = 20;
    public const int MaxLength = 32;

    public static string Normalize(string tag) => tag.NormalizeOrKeep(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>Each tag normalised, duplicates collapsed, in the order first given.</summary>
    public static List<string> NormalizeAll(IEnumerable<string>? tags) =>
        tags is null ? [] : [.. tags.Select(Normalize).Distinct(StringComparer.Ordinal)];

    /// <summary>Why a normalised tag cannot be one, or null when it can.</summary>
    public static string? Flaw(string tag)
    {
        var length = 0;
        foreach (var rune in tag.EnumerateRunes())
        {
            length++;
            var allowed = Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value is '-' or '_' or '/'
                // Marks belong to the letter before them: Devanagari vowel signs, for one, are marks.
                || (length > 1 && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
            if (!allowed)
                return "may hold only letters, digits, -, _ and /";
        }
        if (length is 0 or > MaxLength)
            return $"must be 1 to {MaxLength} characters";
        if (tag.StartsWith('/') || tag.EndsWith('/') || tag.Contains("//", StringComparison.Ordinal))
            return "cannot start or end with / or hold an empty level";
        return null;
    }

    /// <summary>Whether <paramref name="tag"/> is <paramref name="ancestor"/> or nested below it.</summary>
    public static bool IsWithin(string tag, string ancestor) =>
        tag.StartsWith(ancestor, StringComparison.Ordinal) && (tag.Length == ancestor.Length || tag[ancestor.Length] == '/');

    /// <summary>What <see cref="IsWithin"/> says, as a filter on a stored tag: <paramref name="ancestor"/> (normalised) or one below it.</summary>
    public static BsonRegularExpression WithinPattern(string ancestor) => new($"^{LiteralPattern.Of(ancestor)}(/|$)");

    /// <summary>
    /// The rule for a request's list of tags: each one valid once normalised (a bad one named by its place, <c>tags[2]</c>), and no
    /// more than a note may carry.
    /// </summary>
    public static void MustBeTags<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Custom((tags, context) =>
        {
            if (tags is null)
                return;
            for (var i = 0; i < tags.Count; i++)
            {
                if (tags[i] is not { } tag)
                    context.AddFailure($"tags[{i}]", "A tag cannot be null.");
                else if (Flaw(Normalize(tag)) is { } flaw)
                    context.AddFailure($"tags[{i}]", $"Tag \"{tag}\" {flaw}.");
            }
            if (NormalizeAll(tags.OfType<string>()).Count > MaxPerNote)
                context.AddFailure("tags", $"A note carries at most {MaxPerNote} tags.");
        });
}
