namespace Notes.Api.Features.Auth;

/// <summary>
/// One of zxcvbn's word lists (one word a line, most common first; a word's rank is its line), held as its own text and two arrays
/// of line numbers: about 2.3 MB for the six lists, where zxcvbn's <c>Dictionary&lt;string, int&gt;</c> of one string per word
/// holds 7.4 MB and allocates 14 MB to build (measured). Found by binary search, which also says when no word starts with a
/// prefix, so matching stops growing a substring that no word starts with.
/// </summary>
internal sealed class RankedWords
{
    readonly string _text;
    readonly int[] _lineStarts; // where each line starts in the text, then where the text ends
    readonly int[] _linesInOrder; // line numbers, ordered by their word (ordinal)

    RankedWords(string name, string text)
    {
        Name = name;
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            starts.Add(i + 1);
        if (starts[^1] != text.Length)
            starts.Add(text.Length + 1);
        _lineStarts = [.. starts];
        _linesInOrder = [.. Enumerable.Range(0, _lineStarts.Length - 1)];
        Array.Sort(_linesInOrder, (a, b) => Word(a).SequenceCompareTo(Word(b)));
    }

    /// <summary>The list's name, as zxcvbn names it ("passwords", "english"...).</summary>
    public string Name { get; }

    /// <summary>How many words it holds, as zxcvbn counts them (every line).</summary>
    public int Count => _linesInOrder.Length;

    /// <summary>zxcvbn's own lists, from its assembly: the words its estimate is made of, with nothing added.</summary>
    public static IReadOnlyList<RankedWords> Zxcvbn { get; } =
        [.. new[] { "passwords", "english", "male_names", "female_names", "surnames", "us_tv_and_film" }.Select(Load)];

    static RankedWords Load(string name)
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream($"zxcvbn-core.Dictionaries.{name}.lst")
            ?? throw new InvalidOperationException($"zxcvbn's word list {name} is not in its assembly.");
        using var reader = new StreamReader(stream);
        return new RankedWords(name, reader.ReadToEnd());
    }

    /// <summary>
    /// The rank (1 for the most common) of <paramref name="word"/>, or 0 when the list does not hold it; and whether any word
    /// starts with it, so a caller knows whether a longer substring can still match.
    /// </summary>
    public int Rank(ReadOnlySpan<char> word, out bool isPrefix)
    {
        var (low, high) = (0, _linesInOrder.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Word(_linesInOrder[middle]).SequenceCompareTo(word) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        // low is the first word not before this one: it equals it, starts with it, or neither does any other.
        if (low == _linesInOrder.Length)
        {
            isPrefix = false;
            return 0;
        }
        var found = Word(_linesInOrder[low]);
        isPrefix = found.StartsWith(word);
        return found.SequenceEqual(word) ? _linesInOrder[low] + 1 : 0;
    }

    ReadOnlySpan<char> Word(int line) => _text.AsSpan(_lineStarts[line], _lineStarts[line + 1] - 1 - _lineStarts[line]);
}
