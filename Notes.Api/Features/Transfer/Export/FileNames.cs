using System.Collections.Frozen;
using System.Text;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Transfer.Export;

/// <summary>
/// The names of a Markdown export's files, made from the notes' titles so that the archive extracts alike on Windows, macOS and
/// Linux: no character or name any of them refuses, at most <see cref="MaxLength"/> characters, and unique within a folder however
/// the file system compares names (letter case, Unicode normalisation). Holds the names given so far, a few dozen bytes a note.
/// </summary>
internal sealed class FileNames
{
    public const string Extension = ".md";

    /// <summary>Characters in a name, its extension and any " (2)" included.</summary>
    public const int MaxLength = 100;

    /// <summary>What ext4 and most Linux file systems hold, in bytes of UTF-8: 100 characters of Chinese take 300.</summary>
    const int MaxUtf8Bytes = 255;

    const string Untitled = "Untitled";

    // Refused by Windows, and ':' by the macOS Finder; '/' everywhere.
    static readonly FrozenSet<char> Reserved = FrozenSet.Create('<', '>', ':', '"', '/', '\\', '|', '?', '*');

    // Text direction controls: a name could show another extension than it has ("evil\u202Edm.exe").
    static readonly FrozenSet<char> DirectionControls = FrozenSet.Create('\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');

    // Device names Windows will not give a file, with any extension ("con.md", "nul.tar.md"), superscript digits included.
    static readonly FrozenSet<string> WindowsDevices = new[] { "CON", "PRN", "AUX", "NUL" }
        .Concat(from device in new[] { "COM", "LPT" } from digit in "123456789\u00B9\u00B2\u00B3" select $"{device}{digit}")
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    readonly Dictionary<string, HashSet<string>> _takenByFolder = new(StringComparer.Ordinal);

    // The next number to try for a name already given, so that many notes of one title cost one look-up each, not one per namesake.
    readonly Dictionary<(string Folder, string Stem), int> _nextNumber = [];

    /// <summary>A name for a note's file in a folder, from its title, taken from now on: a name given before gets " (2)", " (3)"...</summary>
    public string Take(string folder, string title)
    {
        if (!_takenByFolder.TryGetValue(folder, out var taken))
            _takenByFolder[folder] = taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stem = Stem(title);
        var key = (folder, stem.ToUpperInvariant());
        for (var number = _nextNumber.GetValueOrDefault(key, 1); ; number++)
        {
            var suffix = number == 1 ? "" : $" ({number})";
            var name = Fit(stem, suffix + Extension);
            if (taken.Add(name))
            {
                _nextNumber[key] = number + 1;
                return name;
            }
        }
    }

    /// <summary>The title made a safe name without its extension: never empty, never a device, nothing refused or hidden.</summary>
    static string Stem(string title)
    {
        var kept = new StringBuilder(title.Length);
        // Composed (NFC), as macOS would compare it: "é" typed two ways is one name there.
        var text = title.NormalizeOrKeep(NormalizationForm.FormC);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            // A space for what is dropped, so words stay apart ("a/b" is "a b"); runs of space become one.
            var space = char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || Reserved.Contains(c) || DirectionControls.Contains(c);
            if (!space)
                kept.Append(c);
            else if (kept.Length > 0 && kept[^1] != ' ')
                kept.Append(' ');
        }

        // Leading dots hide a file on Linux and macOS; Windows drops trailing dots and spaces, so "a." and "a" would be one file.
        var stem = kept.ToString().Trim(' ', '.');
        if (stem.Length == 0)
            return Untitled;
        var device = stem.Split('.')[0].TrimEnd(' ');
        return WindowsDevices.Contains(device) ? "_" + stem : stem;
    }

    /// <summary>The stem cut to fit with its ending in <see cref="MaxLength"/> characters and <see cref="MaxUtf8Bytes"/> bytes, whole characters only.</summary>
    static string Fit(string stem, string ending)
    {
        var (chars, bytes) = (MaxLength - ending.Length, MaxUtf8Bytes - Encoding.UTF8.GetByteCount(ending));
        var (length, byteCount) = (0, 0);
        foreach (var rune in stem.EnumerateRunes())
        {
            if (length + rune.Utf16SequenceLength > chars || byteCount + rune.Utf8SequenceLength > bytes)
                break;
            length += rune.Utf16SequenceLength;
            byteCount += rune.Utf8SequenceLength;
        }
        // A cut may leave a dot or space at the end, which Windows would drop.
        return (length == stem.Length ? stem : stem[..length].TrimEnd(' ', '.')) + ending;
    }
}
