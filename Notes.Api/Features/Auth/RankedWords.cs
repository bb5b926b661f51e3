using System.Text;

namespace Notes.Api.Features.Auth;

/// <summary>
/// One of zxcvbn's word lists (one word a line, most common first; a word's rank is its line), read in place where the runtime
/// mapped zxcvbn's assembly, with two arrays of line numbers beside it: about 0.75 MB for the six lists, where zxcvbn's
/// <c>Dictionary&lt;string, int&gt;</c> of one string per word holds 7.4 MB and allocates 14 MB to build (measured), and a copy of
/// the text as strings would add 1.5 MB more. Found by binary search over the UTF-8 bytes, which also says when no word starts
/// with a prefix, so matching stops growing a substring that no word starts with.
/// </summary>
internal sealed unsafe class RankedWords
{
    // The list's UTF-8 text inside zxcvbn's assembly image: the default load context never unloads an assembly, so the memory
    // stays mapped (read-only, shared with the file cache) for as long as the process runs.
    readonly byte* _text;
    readonly int[] _lineStarts; // where each line starts in the text, then where the text ends
    readonly int[] _linesInOrder; // line numbers, ordered by their word's UTF-8 bytes (which is code-point order)
    readonly int _longestWord; // in bytes: a substring of more characters than that cannot be a word nor start one

    RankedWords(string name, UnmanagedMemoryStream list)
    {
        Name = name;
        var text = new ReadOnlySpan<byte>(list.PositionPointer, checked((int)list.Length));
        var preamble = text.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0; // some lists start with a BOM
        _text = list.PositionPointer + preamble;
        text = text[preamble..];
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                starts.Add(i + 1);
        }
        if (starts[^1] != text.Length)
            starts.Add(text.Length + 1);
        _lineStarts = [.. starts];
        _linesInOrder = [.. Enumerable.Range(0, _lineStarts.Length - 1)];
        Array.Sort(_linesInOrder, (a, b) => Word(a).SequenceCompareTo(Word(b)));
        _longestWord = _linesInOrder.Max(line => Word(line).Length);
    }

    /// <summary>The list's name, as zxcvbn names it ("passwords", "english"...).</summary>
    public string Name { get; }

    /// <summary>How many words it holds, as zxcvbn counts them (every line).</summary>
    public int Count => _linesInOrder.Length;

    /// <summary>zxcvbn's own lists, from its assembly: the words its estimate is made of, with nothing added.</summary>
    public static IReadOnlyList<RankedWords> Zxcvbn { get; } =
        [.. new[] { "passwords", "english", "male_names", "female_names", "surnames", "us_tv_and_film" }.Select(Load)];

    static RankedWords Load(string name) =>
        typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream($"zxcvbn-core.Dictionaries.{name}.lst") is UnmanagedMemoryStream list
            ? new RankedWords(name, list)
            : throw new InvalidOperationException($"zxcvbn's word list {name} is not in its assembly's image.");

    /// <summary>
    /// The rank (1 for the most common) of <paramref name="word"/>, or 0 when the list does not hold it; and whether any word
    /// starts with it, so a caller knows whether a longer substring can still match.
    /// </summary>
    public int Rank(ReadOnlySpan<char> word, out bool isPrefix)
    {
        isPrefix = false;
        if (word.Length > _longestWord)
            return 0;
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(word.Length)];
        var sought = utf8[..Encoding.UTF8.GetBytes(word, utf8)];
        var (low, high) = (0, _linesInOrder.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Word(_linesInOrder[middle]).SequenceCompareTo(sought) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        // low is the first word not before this one: it equals it, starts with it, or neither does any other.
        if (low == _linesInOrder.Length)
            return 0;
        var found = Word(_linesInOrder[low]);
        isPrefix = found.StartsWith(sought);
        return found.SequenceEqual(sought) ? _linesInOrder[low] + 1 : 0;
    }

    ReadOnlySpan<byte> Word(int line) => new(_text + _lineStarts[line], _lineStarts[line + 1] - 1 - _lineStarts[line]);
}
