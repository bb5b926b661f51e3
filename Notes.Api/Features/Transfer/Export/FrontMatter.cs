using System.Globalization;
using System.Text;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// A note as a Markdown file with YAML front matter in the form Joplin's "Markdown + Front Matter" export writes (title, created,
/// updated, tags as a list), and pinned and archived when true; the description follows, as it is.
/// </summary>
internal static class FrontMatter
{
    public static string Of(NoteResponse note)
    {
        var yaml = new StringBuilder("---\n");
        yaml.Append("title: ").Append(Quoted(note.Title)).Append('\n');
        yaml.Append("created: ").Append(Timestamp(note.CreatedAt)).Append('\n');
        yaml.Append("updated: ").Append(Timestamp(note.UpdatedAt)).Append('\n');
        if (note.Tags.Count == 0)
            yaml.Append("tags: []\n");
        else
        {
            yaml.Append("tags:\n");
            foreach (var tag in note.Tags)
                yaml.Append("  - ").Append(Quoted(tag)).Append('\n');
        }
        if (note.Pinned)
            yaml.Append("pinned: true\n");
        if (note.Archived)
            yaml.Append("archived: true\n");
        return yaml.Append("---\n\n").Append(note.Description).ToString();
    }

    /// <summary>A YAML timestamp, to the millisecond a stored time holds, in UTC: what Joplin writes.</summary>
    static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A double-quoted YAML scalar, which reads back as exactly the text whatever it holds (": ", "#", a leading "-", quotes, line
    /// breaks): only the backslash and the quote are special in it, and every character YAML does not print is escaped. The line
    /// breaks of YAML 1.1 (U+0085, U+2028, U+2029) too, which a 1.1 reader would fold. A lone surrogate cannot be written in UTF-8
    /// at all: it becomes U+FFFD, as the UTF-8 encoder would make it.
    /// </summary>
    public static string Quoted(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                quoted.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                quoted.Append("\\uFFFD");
            else if (c is '"' or '\\')
                quoted.Append('\\').Append(c);
            else if (c == '\n')
                quoted.Append("\\n");
            else if (c == '\t')
                quoted.Append("\\t");
            else if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
