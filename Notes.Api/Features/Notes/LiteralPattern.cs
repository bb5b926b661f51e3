using System.Text;

namespace Notes.Api.Features.Notes;

/// <summary>Text as a regular expression that finds it literally: what a search and a tag filter match stored text with.</summary>
internal static class LiteralPattern
{
    /// <summary>
    /// A regular expression that matches <paramref name="text"/> as it is: every ASCII character other than a letter, digit or
    /// <c>_</c> is escaped, and an escaped punctuation character always stands for itself (in MongoDB's PCRE syntax, and in .NET's).
    /// Characters beyond ASCII are never special, so they stay as they are: escaping each half of a surrogate pair would split it.
    /// </summary>
    public static string Of(string text)
    {
        var pattern = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            // A BSON pattern is a C string, which cannot hold the NUL character itself.
            if (c == '\0')
            {
                pattern.Append(@"\x00");
                continue;
            }
            if (char.IsAscii(c) && !char.IsAsciiLetterOrDigit(c) && c != '_')
                pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.ToString();
    }
}
