using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Notes.Api.Features.Transfer.Import;

/// <summary>
/// One Markdown or text file as a note. YAML front matter, when the file opens with it, gives the title, the tags, the times and
/// the pins in the forms Joplin's "Markdown + Front Matter" export and Obsidian's properties write; without a title there, the
/// first <c># </c> heading gives it, else the file's name. The rest of the file, as it is, is the note's text.
/// </summary>
internal static class MarkdownFile
{
    // Strict: a file in another encoding (Latin-1, UTF-16) is reported, never stored with its letters replaced by U+FFFD.
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Joplin writes <c>2026-11-30 10:00:00Z</c> or <c>2026-11-30T10:00:00.000Z</c>; Obsidian users write <c>2026-11-30</c>,
    /// <c>2026-11-30T10:00</c> or <c>2026-11-30 10:00</c>. A time without an offset is read as UTC.
    /// </summary>
    static readonly string[] TimeForms =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>A note's text is at most 100,000 UTF-16 units, 3 bytes each at most in UTF-8: a file beyond this cannot be one.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public static string Source(string path, ReadOnlySpan<byte> bytes) =>
        $"file:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))}:{Convert.ToHexStringLower(SHA256.HashData(bytes))}";

    /// <summary>The note the file at <paramref name="path"/> holds, or why it holds none.</summary>
    public static (ImportedNote? Note, ImportFailure? ImportFailure) Read(string path, byte[] bytes)
    {
        if (bytes.Length > MaxFileBytes)
            return Refused(path, $"It is over {MaxFileBytes / 1024 / 1024} MiB: too long for a note.");
        string text;
        try
        {
            var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = StrictUtf8.GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            return Refused(path, "It is not UTF-8 text.");
        }

        var (yaml, body) = SplitFrontMatter(text);
        var matter = new FrontMatter();
        if (yaml is not null)
        {
            try
            {
                matter = FrontMatter.Parse(yaml);
            }
            catch (Exception ex) when (ex is YamlException or FormatException or ArgumentException)
            {
                // The parser's message names a line and column, never the file's text.
                return Refused(path, $"Its front matter cannot be read: {(ex is YamlException yamlError ? $"not YAML at line {yamlError.Start.Line}" : ex.Message)}.");
            }
        }

        var title = (matter.Title ?? FirstHeading(body) ?? NameWithoutExtension(path)).Trim();
        if (ImportRules.ContentFlaw(title, body) is { } flaw)
            return Refused(path, $"It cannot be a note: {flaw}.");
        var (tags, dropped) = ImportRules.Tags(path, matter.Tags);
        return (new ImportedNote
        {
            File = path,
            Source = Source(path, bytes),
            Title = title,
            Description = body,
            Tags = tags,
            Pinned = matter.Pinned,
            Archived = matter.Archived,
            CreatedAt = matter.Created,
            UpdatedAt = matter.Updated ?? matter.Created,
            Dropped = dropped,
        }, null);
    }

    static (ImportedNote?, ImportFailure?) Refused(string path, string reason) => (null, new ImportFailure(path, reason, NoteImported: false));

    /// <summary>
    /// The front matter, when the text opens with a <c>---</c> line and another closes it, and the rest: the line that closes it and
    /// one blank line after it belong to the front matter, as Joplin writes it. Without a closing line it is a horizontal rule.
    /// </summary>
    static (string? Yaml, string Body) SplitFrontMatter(string text)
    {
        if (!IsFence(LineAt(text, 0, out var next)))
            return (null, text);
        var start = next;
        for (var at = next; at < text.Length; at = next)
        {
            if (IsFence(LineAt(text, at, out next)))
            {
                var yaml = text[start..at];
                if (next < text.Length && LineAt(text, next, out var afterBlank).Length == 0)
                    next = afterBlank;
                return (yaml, text[next..]);
            }
        }
        return (null, text);

        static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd() is "---";
    }

    /// <summary>The line starting at <paramref name="at"/> without its line break; <paramref name="next"/> is where the next one starts.</summary>
    static ReadOnlySpan<char> LineAt(string text, int at, out int next)
    {
        var end = text.IndexOf('\n', at);
        next = end < 0 ? text.Length : end + 1;
        var line = text.AsSpan(at, (end < 0 ? text.Length : end) - at);
        return line.EndsWith("\r") ? line[..^1] : line;
    }

    /// <summary>The text of the first level-one heading outside a fenced code block, if there is one.</summary>
    static string? FirstHeading(string body)
    {
        var inFence = false;
        for (var at = 0; at < body.Length;)
        {
            var line = LineAt(body, at, out at);
            if (line.TrimStart().StartsWith("```"))
                inFence = !inFence;
            else if (!inFence && line.StartsWith("# ") && line[2..].Trim() is { Length: > 0 } heading)
                return heading.ToString();
        }
        return null;
    }

    /// <summary>The last part of a path inside a zip, without its extension: only ever a string, never a path on disk.</summary>
    static string NameWithoutExtension(string path)
    {
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>What a file's front matter says, read with YamlDotNet's document model: only the keys a note has, the rest ignored.</summary>
    sealed class FrontMatter
    {
        public string? Title { get; private set; }
        public List<string> Tags { get; } = [];
        public DateTime? Created { get; private set; }
        public DateTime? Updated { get; private set; }
        public bool Pinned { get; private set; }
        public bool Archived { get; private set; }

        public static FrontMatter Parse(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var matter = new FrontMatter();
            if (stream.Documents.Count == 0)
                return matter;
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
                throw new FormatException("it is not a list of names and values");
            foreach (var (key, value) in root.Children)
            {
                var name = (key as YamlScalarNode)?.Value?.ToLowerInvariant();
                switch (name)
                {
                    case "title":
                        matter.Title = Text(value, name);
                        break;
                    case "tags":
                        matter.Tags.AddRange(TagsOf(value));
                        break;
                    case "created":
                        matter.Created = Time(value, name);
                        break;
                    case "updated":
                        matter.Updated = Time(value, name);
                        break;
                    case "pinned":
                        matter.Pinned = Flag(value, name);
                        break;
                    case "archived":
                        matter.Archived = Flag(value, name);
                        break;
                }
            }
            return matter;
        }

        /// <summary>A scalar's text, or null for YAML's null (nothing, <c>~</c> or <c>null</c>) when it is not quoted.</summary>
        static string? Text(YamlNode node, string name) => node is YamlScalarNode scalar
            ? scalar.Style is ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" ? null : scalar.Value
            : throw new FormatException($"{name} is not a single value");

        /// <summary>A YAML list (block or inline <c>[a, b]</c>) or one comma-separated string.</summary>
        static IEnumerable<string> TagsOf(YamlNode node) => node switch
        {
            YamlSequenceNode list => list.Children.Select(item => Text(item, "a tag") ?? ""),
            _ => (Text(node, "tags") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };

        static DateTime? Time(YamlNode node, string name) => Text(node, name) is not { } text ? null
            : DateTimeOffset.TryParseExact(text.Trim(), TimeForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.ForMongo()
                : throw new FormatException($"{name} is not a date and time such as 2026-11-30T10:00:00Z");

        static bool Flag(YamlNode node, string name) => Text(node, name) is not { } text ? false
            : bool.TryParse(text, out var flag) ? flag : throw new FormatException($"{name} is neither true nor false");
    }
}
