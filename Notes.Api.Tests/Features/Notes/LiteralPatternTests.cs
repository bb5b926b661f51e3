using System.Text.RegularExpressions;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Notes;

public sealed class LiteralPatternTests
{
    [Theory]
    [InlineData(".*(", @"\.\*\(")]
    [InlineData("[a-z]+", @"\[a\-z\]\+")]
    [InlineData("^", @"\^")]
    [InlineData("$", @"\$")]
    [InlineData(@"\", @"\\")]
    [InlineData("|", @"\|")]
    [InlineData("a b", @"a\ b")]
    [InlineData("abc123", "abc123")]
    [InlineData("snake_case", "snake_case")]
    [InlineData("a\0b", @"a\x00b")]
    [InlineData("", "")]
    public void LiteralPattern_escapes_every_ascii_character_but_letters_digits_and_underscore(string text, string expected) =>
        Assert.Equal(expected, LiteralPattern.Of(text));

    [Theory]
    [InlineData(".*(")]
    [InlineData("[a-z]+")]
    [InlineData("^")]
    [InlineData("$")]
    [InlineData(@"\")]
    [InlineData("|")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("?*+{}")]
    [InlineData(@"\d\w\s")]
    [InlineData("(?i)")]
    [InlineData("#comment")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("~`!@%&-=_;:'\",<>/")]
    [InlineData("(a+)+$")]
    [InlineData(@"\^$.|?*+()[]{}-#\^$.|?*+()[]{}-#")]
    public void LiteralPattern_matches_the_text_itself_and_nothing_a_pattern_would(string text)
    {
        var regex = new Regex(LiteralPattern.Of(text), RegexOptions.CultureInvariant);

        Assert.Matches(regex, $"before {text} after");
        Assert.Equal(text, regex.Match($"xx{text}yy").Value);
        Assert.DoesNotMatch(regex, "plain words abc 123 x");
    }

    [Theory]
    [InlineData("café")]
    [InlineData("日本")]
    [InlineData("😀")]
    public void LiteralPattern_keeps_characters_beyond_ascii_as_they_are(string text)
    {
        var pattern = LiteralPattern.Of(text);

        Assert.Equal(text, pattern);
        Assert.Equal(text, new Regex(pattern).Match($"a {text} b").Value);
    }
}
