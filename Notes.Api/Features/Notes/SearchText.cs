using System.Globalization;
using System.Text;

namespace Notes.Api.Features.Notes;

/// <summary>
/// Text folded so that search ignores letter case, accents and compatibility forms in every script: <c>über</c> finds
/// <c>ÜBER</c>, <c>cafe</c> finds <c>Café</c>, <c>ΟΔΟΣ</c> finds <c>οδός</c>. Each note keeps its title and description folded
/// (<see cref="Of"/>), and a search folds its query the same way and matches it literally, which works alike on MongoDB and on
/// the embedded engine, whose case-insensitive matching folds ASCII only.
/// </summary>
internal static class SearchText
{
    public static string Of(string title, string description) => Fold(title) + "\n" + Fold(description);

    public static string Fold(string text)
    {
        // Compatibility decomposition splits accents from their letters (and ligatures, full-width forms into plain letters)...
        var decomposed = text.NormalizeOrKeep(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // ...so dropping the combining marks leaves the bare letters.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
                folded.Append(c);
        }
        // Upper then lower case folds letters with two lower-case forms into one (final ς and σ); ß has no single upper-case
        // letter, so it is spelled out as people write it without the letter.
        return folded.ToString().ToUpperInvariant().ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal);
    }
}
