using Zxcvbn;
using Zxcvbn.Matcher;

namespace Notes.Api.Features.Auth;

/// <summary>
/// zxcvbn's matchers with its word lists held as <see cref="RankedWords"/>: its own pattern matchers (repeats, sequences, digits,
/// years, dates, keyboard rows), then each list's dictionary matches, then their l33t matches, then the username's, in its order.
/// The matches and so the scores are zxcvbn's own, which a test holds against the library's default matchers.
/// </summary>
internal sealed class WordMatchers : IMatcherFactory
{
    readonly IMatcher[] _matchers =
    [
        new RepeatMatcher(),
        new SequenceMatcher(),
        new RegexMatcher("\\d{3,}", 10, perCharCardinality: true, "digits"),
        new RegexMatcher("19\\d\\d|200\\d|201\\d", 119, perCharCardinality: false, "year"),
        new DateMatcher(),
        new SpatialMatcher(),
        new WordListMatcher(RankedWords.Zxcvbn),
        new LeetMatcher(RankedWords.Zxcvbn),
    ];

    public IEnumerable<IMatcher> CreateMatchers(IEnumerable<string> userInputs)
    {
        var userWords = new DictionaryMatcher("user_inputs", userInputs);
        return [.. _matchers, userWords, new L33tMatcher(userWords)];
    }

    /// <summary>
    /// Every substring a list holds, as zxcvbn's DictionaryMatchers find them, one after another: list by list, then by start, then
    /// by length. The password is lowercased once for all of them.
    /// </summary>
    sealed class WordListMatcher(IReadOnlyList<RankedWords> lists) : IMatcher
    {
        public IEnumerable<Match> MatchPassword(string password) => Find(lists, password);

        public static List<DictionaryMatch> Find(IReadOnlyList<RankedWords> lists, string password)
        {
            var lower = password.ToLowerInvariant();
            var matches = new List<DictionaryMatch>();
            foreach (var words in lists)
            {
                for (var i = 0; i < lower.Length; i++)
                {
                    for (var j = i; j < lower.Length; j++)
                    {
                        var rank = words.Rank(lower.AsSpan(i, j - i + 1), out var longerMayMatch);
                        if (rank > 0)
                            matches.Add(Matched(words, password, lower, i, j, rank));
                        if (!longerMayMatch)
                            break;
                    }
                }
            }
            return matches;
        }

        static DictionaryMatch Matched(RankedWords words, string password, string lower, int i, int j, int rank)
        {
            var token = password[i..(j + 1)];
            var match = new DictionaryMatch
            {
                Pattern = "dictionary",
                i = i,
                j = j,
                Token = token,
                MatchedWord = lower[i..(j + 1)],
                Rank = rank,
                DictionaryName = words.Name,
                Cardinality = words.Count,
                BaseEntropy = Math.Log(rank, 2),
                UppercaseEntropy = Entropy.OfUppercase(token),
            };
            match.Entropy = match.BaseEntropy + match.UppercaseEntropy;
            return match;
        }
    }

    /// <summary>
    /// The words found once look-alike symbols are read as the letters they stand for ("p4ssw0rd"), as zxcvbn's L33tMatcher
    /// finds them: each way of reading the symbols the password holds, each list in turn, keeping the matches that read one.
    /// </summary>
    sealed class LeetMatcher(IReadOnlyList<RankedWords> lists) : IMatcher
    {
        static readonly (char Letter, string Symbols)[] LookAlikes =
        [
            ('a', "4@"), ('b', "8"), ('c', "({[<"), ('e', "3"), ('g', "69"), ('i', "1!|"),
            ('l', "1|7"), ('o', "0"), ('s', "$5"), ('t', "+7"), ('x', "%"), ('z', "2"),
        ];

        public IEnumerable<Match> MatchPassword(string password)
        {
            var matches = new List<Match>();
            foreach (var reading in Readings(password))
            {
                var read = new string([.. password.Select(c => reading.GetValueOrDefault(c, c))]);
                foreach (var match in WordListMatcher.Find(lists, read))
                {
                    var token = password[match.i..(match.j + 1)];
                    var used = reading.Where(sub => token.Contains(sub.Key)).ToDictionary();
                    if (used.Count > 0)
                        matches.Add(Leet(match, token, used));
                }
            }
            return matches;
        }

        /// <summary>
        /// Each way to read the symbols the password holds, zxcvbn's way: a symbol standing for two letters ("1" for i or l) forks
        /// every reading that already gave it a letter.
        /// </summary>
        static List<Dictionary<char, char>> Readings(string password)
        {
            var readings = new List<Dictionary<char, char>> { new() };
            foreach (var (letter, symbols) in LookAlikes)
            {
                foreach (var symbol in symbols.Where(password.Contains))
                {
                    var forks = new List<Dictionary<char, char>>();
                    foreach (var reading in readings)
                    {
                        if (reading.ContainsKey(symbol))
                            forks.Add(new Dictionary<char, char>(reading) { [symbol] = letter });
                        else
                            reading[symbol] = letter;
                    }
                    readings.AddRange(forks);
                }
            }
            return readings;
        }

        static L33tDictionaryMatch Leet(DictionaryMatch read, string token, Dictionary<char, char> used)
        {
            var possibilities = used.Sum(sub =>
            {
                var (symbols, letters) = (token.Count(c => c == sub.Key), token.Count(c => c == sub.Value));
                return Enumerable.Range(0, Math.Min(symbols, letters) + 1).Sum(k => Entropy.Binomial(symbols + letters, k));
            });
            var uppercase = Entropy.OfUppercase(token);
            var leet = Math.Max(1, Math.Log(possibilities, 2));
            return new L33tDictionaryMatch(read)
            {
                Token = token,
                Subs = used,
                L33tEntropy = leet,
                UppercaseEntropy = uppercase,
                // In zxcvbn's order of operations, so that the sum is the same to the last bit.
                Entropy = read.Entropy + leet - read.UppercaseEntropy + uppercase,
            };
        }
    }

    /// <summary>zxcvbn's entropy of a word's capitals, with the binomial it counts them with (both internal to the library).</summary>
    static class Entropy
    {
        public static double OfUppercase(string word)
        {
            var (uppers, lowers) = (word.Count(char.IsAsciiLetterUpper), word.Count(char.IsAsciiLetterLower));
            if (uppers == 0)
                return 0;
            var onlyFirst = uppers == 1 && char.IsAsciiLetterUpper(word[0]) && word.Length > 1;
            var onlyLast = uppers == 1 && char.IsAsciiLetterUpper(word[^1]) && word.Length > 1;
            if (onlyFirst || onlyLast || lowers == 0)
                return 1;
            return Math.Log(Enumerable.Range(0, Math.Min(uppers, lowers) + 1).Sum(k => Binomial(uppers + lowers, k)), 2);
        }

        public static int Binomial(int n, int k)
        {
            long result = 1;
            for (var i = 1; i <= k; i++, n--)
                result = result * n / i;
            return (int)result;
        }
    }
}
