using Notes.Api.Features.Transfer.Import;
using static Notes.Api.Tests.Support.ImportCalls;

namespace Notes.Api.Tests.Features.Transfer;

/// <summary>The Markdown reader on its own: front matter, titles and what it refuses, without a server.</summary>
public sealed class ImportReaderTests
{
    [Theory]
    [InlineData("2026-11-30 10:00:00Z", "2026-11-30T10:00:00.000Z")]
    [InlineData("2026-11-30T10:00:00.000Z", "2026-11-30T10:00:00.000Z")]
    [InlineData("2026-11-30T10:00:00.1234567Z", "2026-11-30T10:00:00.123Z")]
    [InlineData("2026-11-30", "2026-11-30T00:00:00.000Z")]
    [InlineData("2026-11-30T10:00", "2026-11-30T10:00:00.000Z")]
    [InlineData("2026-11-30 10:00", "2026-11-30T10:00:00.000Z")]
    [InlineData("\"2026-11-30 10:00\"", "2026-11-30T10:00:00.000Z")]
    public void Created_is_read_in_the_forms_Joplin_and_Obsidian_write(string written, string expected)
    {
        var (note, failure) = MarkdownFile.Read("n.md", Utf8($"---\ncreated: {written}\n---\ntext"));

        Assert.Null(failure);
        Assert.Equal(DateTimeOffset.Parse(expected).UtcDateTime, note!.CreatedAt);
        Assert.Equal(note.CreatedAt, note.UpdatedAt);
    }

    [Theory]
    [InlineData("created: 30/11/2026")]
    [InlineData("pinned: maybe")]
    [InlineData("title: [a, b]")]
    [InlineData("- just\n- a list")]
    [InlineData("title: a\ntitle: b")]
    [InlineData("title: \"unclosed")]
    public void Front_matter_that_cannot_be_read_leaves_the_file_out_with_a_reason(string yaml)
    {
        var (note, failure) = MarkdownFile.Read("folder/n.md", Utf8($"---\n{yaml}\n---\ntext"));

        Assert.Null(note);
        Assert.Equal("folder/n.md", failure!.File);
        Assert.False(failure.NoteImported);
        Assert.StartsWith("Its front matter cannot be read", failure.Reason);
    }

    [Fact]
    public void A_front_matter_title_wins_over_the_heading_and_the_body_starts_after_the_blank_line_that_follows_it()
    {
        var (note, _) = MarkdownFile.Read("n.md", Utf8("---\r\ntitle: '  From matter  '\r\n---\r\n\r\n# Heading\r\nText"));

        Assert.Equal("From matter", note!.Title);
        Assert.Equal("# Heading\r\nText", note.Description);
    }

    [Fact]
    public void An_unclosed_opening_line_is_a_horizontal_rule_and_the_whole_file_is_the_text()
    {
        var (note, _) = MarkdownFile.Read("rule.md", Utf8("---\nno closing line"));

        Assert.Equal("rule", note!.Title);
        Assert.Equal("---\nno closing line", note.Description);
    }

    [Fact]
    public void The_same_bytes_at_another_path_are_another_source_and_other_bytes_at_the_same_path_too()
    {
        var (a, b) = (Utf8("# A"), Utf8("# B"));

        Assert.Equal(MarkdownFile.Source("x/a.md", a), MarkdownFile.Source("x/a.md", a));
        Assert.NotEqual(MarkdownFile.Source("x/a.md", a), MarkdownFile.Source("y/a.md", a));
        Assert.NotEqual(MarkdownFile.Source("x/a.md", a), MarkdownFile.Source("x/a.md", b));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_and_never_stored_with_replacement_characters()
    {
        var (note, failure) = MarkdownFile.Read("bad.md", [.. Utf8("# Ok\n"), 0xC3, 0x28]);

        Assert.Null(note);
        Assert.Equal("It is not UTF-8 text.", failure!.Reason);
    }
}
