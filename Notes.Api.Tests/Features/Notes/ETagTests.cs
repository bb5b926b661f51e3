using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Notes;

public sealed class ETagTests
{
    [Theory]
    [InlineData(1, "\"1\"")]
    [InlineData(3, "\"3\"")]
    [InlineData(1234567, "\"1234567\"")]
    public void Of_is_the_version_as_a_strong_quoted_tag(int version, string expected) =>
        Assert.Equal(expected, ETag.Of(version));

    [Fact]
    public void Of_ignores_the_current_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA") { NumberFormat = { NegativeSign = "~" } };
            Assert.Equal("\"1000\"", ETag.Of(1000));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData(" * ")]
    public void RequiredVersion_is_null_when_any_version_will_do(string? ifMatch) =>
        Assert.Null(ETag.RequiredVersion(ifMatch));

    [Theory]
    [InlineData("\"3\"", 3)]
    [InlineData(" \"3\" ", 3)]
    [InlineData("\t\"3\"\t", 3)]
    [InlineData("\"1\"", 1)]
    [InlineData("\"2147483647\"", int.MaxValue)]
    public void RequiredVersion_reads_a_quoted_version(string ifMatch, int expected) =>
        Assert.Equal(expected, ETag.RequiredVersion(ifMatch));

    [Theory]
    [InlineData("3")]
    [InlineData("W/\"3\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"0\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"+3\"")]
    [InlineData("\"03\"")]
    [InlineData("\" 3\"")]
    [InlineData("\"3 \"")]
    [InlineData("\"3.0\"")]
    [InlineData("\"2147483648\"")]
    [InlineData("\"\"")]
    [InlineData("\"")]
    [InlineData("\"3")]
    [InlineData("3\"")]
    [InlineData("\"3\", \"4\"")]
    [InlineData("garbage")]
    public void RequiredVersion_is_0_which_no_note_has_for_anything_else(string ifMatch) =>
        Assert.Equal(0, ETag.RequiredVersion(ifMatch));

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(int.MaxValue)]
    public void RequiredVersion_reads_back_every_tag_Of_writes(int version) =>
        Assert.Equal(version, ETag.RequiredVersion(ETag.Of(version)));
}
