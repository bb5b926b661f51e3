using CsCheck;
using Notes.Api.Features.Auth;
using Zxcvbn.Matcher;

namespace Notes.Api.Tests.Features.Auth;

/// <summary>
/// The password-strength check keeps zxcvbn's word lists compactly (<see cref="RankedWords"/>, <see cref="WordMatchers"/>): it must
/// judge every password exactly as the library's own matchers do, down to the matches it explains a weak password with.
/// </summary>
public sealed class PasswordStrengthTests
{
    static readonly Zxcvbn.Zxcvbn Library = new();
    static readonly Zxcvbn.Zxcvbn Compact = new(new WordMatchers());

    [Theory]
    [InlineData("password")]
    [InlineData("P@ssw0rd!")]
    [InlineData("p4$$w0rd1234")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("correcthorsebatterystaple")]
    [InlineData("coRrecth0rseba++ery9.23.2007staple$")]
    [InlineData("qwerty123456")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("jessica1992")]
    [InlineData("JohnSmith")]
    [InlineData("ElizabethTaylor")]
    [InlineData("ih4t3myj0b")]
    [InlineData("l1ttl3|ittle")]
    [InlineData("{c}a(t[s<")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("abcdefgh")]
    [InlineData("01/02/1990")]
    [InlineData("a'right")]
    [InlineData("alice-likes-ALICE")]
    [InlineData("Zürich-Straße-1")]
    [InlineData("x")]
    public void Judges_a_password_exactly_as_zxcvbn_does(string password) =>
        Assert.Equal(Judgement(Library, password), Judgement(Compact, password));

    [Fact]
    public void Judges_any_mix_of_words_look_alike_symbols_capitals_and_digits_exactly_as_zxcvbn_does()
    {
        var words = Gen.OneOf<string>("password", "dragon", "monkey", "sunshine", "michael", "jennifer", "smith", "love", "sail", "table", "iloveyou", "batman");
        var leet = Gen.OneOf<char>('4', '@', '8', '(', '{', '[', '<', '3', '6', '9', '1', '!', '|', '7', '0', '$', '5', '+', '%', '2');
        var chunk = Gen.OneOf(
            words,
            words.Select(Gen.Int[0, 7], (word, seed) => new string([.. word.Select((c, i) => (seed + i) % 3 == 0 ? char.ToUpperInvariant(c) : c)])),
            leet.Array[1, 3].Select(symbols => new string(symbols)),
            Gen.Char["0123456789"].Array[1, 4].Select(digits => new string(digits)),
            Gen.Char['a', 'z'].Array[1, 4].Select(letters => new string(letters)));
        var passwords = Gen.Select(chunk.Array[1, 4], Gen.Bool, (chunks, leetify) =>
        {
            var joined = string.Concat(chunks);
            return leetify ? joined.Replace('a', '4').Replace('o', '0').Replace('s', '$').Replace('i', '1') : joined;
        });

        passwords.Sample(password => Assert.Equal(Judgement(Library, password), Judgement(Compact, password)), iter: 300);
    }

    /// <summary>Everything the check reads from an estimate: the score, the entropy and each match that makes it up.</summary>
    static string Judgement(Zxcvbn.Zxcvbn estimator, string password)
    {
        var result = estimator.EvaluatePassword(password, ["alice"]);
        var matches = result.MatchSequence.Select(m => m switch
        {
            L33tDictionaryMatch l => $"l33t {l.i}-{l.j} {l.Token} {l.DictionaryName} {l.Rank} {string.Concat(l.Subs)} {l.Entropy}",
            DictionaryMatch d => $"word {d.i}-{d.j} {d.Token} {d.DictionaryName} {d.Rank} {d.Cardinality} {d.Entropy}",
            _ => $"{m.Pattern} {m.i}-{m.j} {m.Token} {m.Entropy}",
        });
        return $"score {result.Score}, entropy {result.Entropy}: {string.Join("; ", matches)}";
    }
}
