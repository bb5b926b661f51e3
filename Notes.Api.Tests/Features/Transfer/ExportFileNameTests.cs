using System.Text;
using Notes.Api.Features.Transfer.Export;

namespace Notes.Api.Tests.Features.Transfer;

/// <summary>The Markdown export's file names, from titles: safe to extract on Windows, macOS and Linux, and unique within a folder.</summary>
public sealed class ExportFileNameTests
{
    static string NameOf(string title) => new FileNames().Take("", title);

    [Theory]
    [InlineData("Plain title", "Plain title.md")]
    [InlineData("a<b>c:d\"e/f\\g|h?i*j", "a b c d e f g h i j.md")]
    [InlineData("tab\tnew\nline\u0000nul\u007Fdel\u0085next", "tab new line nul del next.md")]
    [InlineData("right\u202Eto left", "right to left.md")]
    [InlineData("  spaced  out  ", "spaced out.md")]
    [InlineData("ends with dots...", "ends with dots.md")]
    [InlineData(".hidden", "hidden.md")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays.md")]
    [InlineData("version 1.2", "version 1.2.md")]
    public void Refused_characters_become_a_space_and_the_ends_are_trimmed(string title, string name)
    {
        Assert.Equal(name, NameOf(title));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("///")]
    [InlineData("\u0001\u0002")]
    public void A_title_with_nothing_left_is_untitled(string title)
    {
        Assert.Equal("Untitled.md", NameOf(title));
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("con")]
    [InlineData("Prn")]
    [InlineData("AUX")]
    [InlineData("NUL")]
    [InlineData("COM1")]
    [InlineData("com9")]
    [InlineData("LPT1")]
    [InlineData("lpt9")]
    [InlineData("COM\u00B9")]
    [InlineData("LPT\u00B3")]
    [InlineData("nul.txt")]
    [InlineData("CON .tar")]
    [InlineData("aux.")]
    public void A_windows_device_name_is_prefixed_with_an_underscore_with_or_without_an_extension(string title)
    {
        var name = NameOf(title);

        Assert.Equal("_" + title.TrimEnd('.') + ".md", name);
    }

    [Theory]
    [InlineData("CONSOLE")]
    [InlineData("COM0")]
    [InlineData("LPT10")]
    [InlineData("icon")]
    [InlineData("my con")]
    public void A_name_that_only_looks_like_a_device_is_kept(string title)
    {
        Assert.Equal(title + ".md", NameOf(title));
    }

    [Fact]
    public void A_long_title_is_cut_to_100_characters_with_the_extension()
    {
        Assert.Equal(new string('a', 97) + ".md", NameOf(new string('a', 200)));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        // The 97th and 98th characters are one emoji: it does not fit whole, so it goes.
        var name = NameOf(new string('a', 96) + "😀" + "tail");

        Assert.Equal(new string('a', 96) + ".md", name);
        Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)), name);
    }

    [Fact]
    public void A_cut_leaves_no_trailing_space_or_dot()
    {
        Assert.Equal(new string('a', 95) + ".md", NameOf(new string('a', 95) + " . rest of the title"));
    }

    [Fact]
    public void A_name_in_a_script_of_three_bytes_a_letter_is_cut_to_255_bytes_of_utf8()
    {
        var name = NameOf(new string('中', 150));

        Assert.Equal(new string('中', 84) + ".md", name);
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255);
    }

    [Fact]
    public void Namesakes_in_a_folder_are_numbered_whatever_their_letter_case_or_unicode_form()
    {
        var names = new FileNames();

        string[] taken = [.. new[] { "Note", "note", "NOTE", "Note (2)", "Note", "caf\u00E9", "cafe\u0301" }.Select(t => names.Take("", t))];

        Assert.Equal(["Note.md", "note (2).md", "NOTE (3).md", "Note (2) (2).md", "Note (4).md", "café.md", "café (2).md"], taken);
    }

    [Fact]
    public void A_title_of_a_number_already_given_is_numbered_past_it()
    {
        var names = new FileNames();

        string[] taken = [names.Take("", "Plan"), names.Take("", "Plan (2)"), names.Take("", "Plan")];

        Assert.Equal(["Plan.md", "Plan (2).md", "Plan (3).md"], taken);
    }

    [Fact]
    public void Each_folder_has_names_of_its_own()
    {
        var names = new FileNames();

        Assert.Equal(["Note.md", "Note.md", "Note.md"], new[] { "", "archive/", "trash/" }.Select(folder => names.Take(folder, "Note")));
    }

    [Fact]
    public void A_numbered_long_name_still_fits_in_100_characters()
    {
        var names = new FileNames();
        var title = new string('a', 200);

        var (first, second) = (names.Take("", title), names.Take("", title));

        Assert.Equal(new string('a', 97) + ".md", first);
        Assert.Equal(new string('a', 93) + " (2).md", second);
    }

    [Fact]
    public void A_thousand_namesakes_get_a_thousand_names()
    {
        var names = new FileNames();

        var taken = Enumerable.Range(0, 1000).Select(_ => names.Take("", "Same")).ToList();

        Assert.Equal(1000, taken.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Same (1000).md", taken[^1]);
    }
}
