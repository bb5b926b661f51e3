using System.Globalization;
using Notes.Api.Entities;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Transfer;

public sealed class ExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_json_export_is_a_download_holding_every_note_with_every_field_the_notes_api_answers_the_trash_included()
    {
        var user = await api.SignedInUserAsync();
        var plain = await user.AddNoteAsync("Plain", "just text");
        var organised = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Organised", description = "# Heading\n\nbody", tags = new[] { "work/clients", "ideas" }, pinned = true });
        var archived = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Archived", archived = true });
        var trashed = await user.AddNoteAsync("Trashed", "on its way out");
        await user.PatchedNoteAsync(trashed.Id(), new { trashed = true });
        var ids = new[] { plain.Id(), (await organised.JsonAsync()).Id(), (await archived.JsonAsync()).Id(), trashed.Id() };

        var response = await user.ExportAsync("?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"notes-{api.Clock.GetUtcNow():yyyy-MM-dd}.json\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        var export = await response.JsonAsync();
        Assert.Equal(["format", "formatVersion", "exportedAt", "username", "notes"], export.AsObject().Select(p => p.Key));
        Assert.Equal(("notesslices", 1, user.Username), (export["format"]!.GetValue<string>(), export["formatVersion"]!.GetValue<int>(), export["username"]!.GetValue<string>()));
        Assert.InRange(export.Time("exportedAt"), api.Clock.GetUtcNow().AddSeconds(-30), api.Clock.GetUtcNow());
        // Oldest first: in the order of the ids, which is the order the notes were added.
        Assert.Equal(ids, export.Notes().Select(n => n.Id()));
        foreach (var note in export.Notes())
            Assert.True(JsonNode.DeepEquals(await user.ReadNoteAsync(note.Id()), note), $"The export's note differs from the notes API's answer: {note.ToJsonString()}");
        Assert.NotNull(export.Notes()[3]["trashedAt"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task With_revisions_each_note_carries_its_history_newest_first_as_the_revisions_api_answers_it()
    {
        var user = await api.SignedInUserAsync();
        var changed = await user.AddNoteAsync("v1", "first words");
        await user.PutNoteAsync(changed.Id(), new { title = "v2", description = "second words" });
        await user.PutNoteAsync(changed.Id(), new { title = "v3", description = "third words" });
        var untouched = await user.AddNoteAsync("untouched");
        // A revision at the note's own version, as a writer that stopped before its compare-and-set leaves one: not history.
        await api.Mongo().GetCollection<Revision>(CollectionNames.Revisions).InsertOneAsync(new Revision
        {
            NoteId = untouched.Id(),
            OwnerId = user.Id,
            Version = 1,
            Title = "stray",
            Description = "",
            Length = 0,
            SavedAt = DateTime.UtcNow,
        });
        // Someone else's history, with a note id between this user's: never theirs to see.
        var other = await api.SignedInUserAsync();
        var theirs = await other.AddNoteAsync("theirs");
        await other.PutNoteAsync(theirs.Id(), new { title = "theirs, changed" });

        var export = await user.ExportJsonAsync("&includeRevisions=true");

        var (first, second) = (export.Notes()[0], export.Notes()[1]);
        Assert.Equal([2, 1], first["revisions"]!.AsArray().Select(r => r!["version"]!.GetValue<int>()));
        foreach (var revision in first["revisions"]!.AsArray())
        {
            var answered = await (await user.GetRevisionAsync(changed.Id(), revision!["version"]!.GetValue<int>())).JsonAsync();
            Assert.True(JsonNode.DeepEquals(answered, revision), $"The export's revision differs from the revisions API's answer: {revision.ToJsonString()}");
        }
        Assert.Empty(second["revisions"]!.AsArray());
        var withoutHistory = (await user.ExportJsonAsync()).Notes()[0];
        Assert.False(withoutHistory.ContainsKey("revisions"));
        Assert.True(JsonNode.DeepEquals(withoutHistory, await user.ReadNoteAsync(changed.Id())));
    }

    [Fact]
    public async Task The_markdown_export_is_a_zip_with_a_file_per_note_the_archive_and_the_trash_in_their_own_folders()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsJsonAsync("/api/notes", new { title = "In use", description = "Some *Markdown*.\n\n- a list", tags = new[] { "work/clients", "ideas" }, pinned = true });
        await user.Client.PostAsJsonAsync("/api/notes", new { title = "Put away", archived = true });
        var trashed = await user.AddNoteAsync("Thrown out", "gone soon");
        await user.PatchedNoteAsync(trashed.Id(), new { trashed = true, archived = true });

        var response = await user.ExportAsync("?format=markdown");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"notes-{api.Clock.GetUtcNow():yyyy-MM-dd}.zip\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        var files = await ExportCalls.FilesAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["In use.md", "archive/Put away.md", "trash/Thrown out.md"], files.Keys.Order(StringComparer.Ordinal));

        var notes = (await user.ExportJsonAsync()).Notes();
        var (inUse, inUseBody) = ExportCalls.Parse(files["In use.md"]);
        Assert.Equal(["title", "created", "updated", "tags", "pinned"], inUse.Keys);
        Assert.Equal("In use", inUse["title"]);
        Assert.Equal(Timestamp(notes[0], "createdAt"), inUse["created"]);
        Assert.Equal(Timestamp(notes[0], "updatedAt"), inUse["updated"]);
        Assert.Equal(["work/clients", "ideas"], Assert.IsType<List<object>>(inUse["tags"]));
        Assert.Equal("true", inUse["pinned"]);
        Assert.Equal("Some *Markdown*.\n\n- a list", inUseBody);

        var (putAway, putAwayBody) = ExportCalls.Parse(files["archive/Put away.md"]);
        Assert.Equal(["title", "created", "updated", "tags", "archived"], putAway.Keys);
        Assert.Empty(Assert.IsType<List<object>>(putAway["tags"]));
        Assert.Equal("", putAwayBody);
        Assert.Equal("gone soon", ExportCalls.Parse(files["trash/Thrown out.md"]).Body);
    }

    [Theory]
    [InlineData("key: value # not a comment")]
    [InlineData("- starts like a list item")]
    [InlineData("\"double\" and 'single' quotes, a \\ backslash")]
    [InlineData("two\nlines\r\nand a\ttab")]
    [InlineData("[flow] {map} & anchor * alias ! tag | > % @ `")]
    [InlineData("yes")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("0x1F")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData("emoji 😀 and ünïcödé, 中文")]
    [InlineData("control \u0001\u007F\u0085 and line \u2028 separators \u2029, BOM \uFEFF")]
    public async Task A_title_or_tag_of_any_text_reads_back_from_the_front_matter_as_it_was(string title)
    {
        var user = await api.SignedInUserAsync();
        // Tags hold only letters, digits, -, _ and /: these are the ones a YAML reader would take for something else unquoted.
        string[] tags = ["-leading-dash", "2026", "yes", "null"];
        var added = await user.Client.PostAsJsonAsync("/api/notes", new { title, tags });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var stored = (await added.JsonAsync()).Title();

        var (frontMatter, _) = ExportCalls.Parse(Assert.Single((await user.ExportMarkdownAsync()).Values));

        Assert.Equal(stored, frontMatter["title"]);
        Assert.Equal(tags, Assert.IsType<List<object>>(frontMatter["tags"]));
    }

    [Fact]
    public async Task Files_are_named_safely_from_titles_and_namesakes_differ_whatever_their_letter_case()
    {
        var user = await api.SignedInUserAsync();
        foreach (var title in new[] { "Same", "same", "SAME", "a/b\\c:d*e?f\"g<h>i|j", "CON", "nul.txt", "..." })
            await user.AddNoteAsync(title);
        await user.AddNoteAsync(new string('x', 150) + "😀");

        var names = (await user.ExportMarkdownAsync()).Keys.ToList();

        Assert.Equal(
            ["Same.md", "same (2).md", "SAME (3).md", "a b c d e f g h i j.md", "_CON.md", "_nul.txt.md", "Untitled.md", new string('x', 97) + ".md"],
            names);
    }

    [Fact]
    public async Task Each_user_exports_only_their_own_notes()
    {
        var (alice, bob) = (await api.SignedInUserAsync(), await api.SignedInUserAsync());
        var alices = await alice.AddNoteAsync("Alice's", "private");
        var bobs = await bob.AddNoteAsync("Bob's", "also private");
        await alice.PutNoteAsync(alices.Id(), new { title = "Alice's, changed" });
        await bob.PutNoteAsync(bobs.Id(), new { title = "Bob's, changed" });

        var (aliceJson, bobJson) = (await alice.ExportJsonAsync("&includeRevisions=true"), await bob.ExportJsonAsync("&includeRevisions=true"));

        Assert.Equal([alices.Id()], aliceJson.Notes().Select(n => n.Id()));
        Assert.Equal(["Alice's"], aliceJson.Notes()[0]["revisions"]!.AsArray().Select(r => r!.Title()));
        Assert.Equal([bobs.Id()], bobJson.Notes().Select(n => n.Id()));
        Assert.Equal(["Bob's"], bobJson.Notes()[0]["revisions"]!.AsArray().Select(r => r!.Title()));
        Assert.Equal(["Alice's, changed.md"], (await alice.ExportMarkdownAsync()).Keys);
        Assert.Equal(["Bob's, changed.md"], (await bob.ExportMarkdownAsync()).Keys);
    }

    [Fact]
    public async Task An_account_without_notes_exports_an_empty_list_and_an_empty_zip()
    {
        var user = await api.SignedInUserAsync();

        Assert.Empty((await user.ExportJsonAsync("&includeRevisions=true")).Notes());
        Assert.Empty(await user.ExportMarkdownAsync());
    }

    [Fact]
    public async Task A_note_past_its_time_in_the_trash_is_not_exported()
    {
        var user = await api.SignedInUserAsync();
        var kept = await user.AddNoteAsync("kept");
        var gone = await user.AddNoteAsync("gone");
        await user.PatchedNoteAsync(gone.Id(), new { trashed = true });
        // Past its purge date, not yet purged: out of reach, as the purge job would leave it.
        await api.Mongo().GetCollection<Note>(CollectionNames.Notes).UpdateOneAsync(
            n => n.Id == gone.Id(), Builders<Note>.Update.Set(n => n.PurgeAt, DateTime.UtcNow.AddMinutes(-1)));

        Assert.Equal([kept.Id()], (await user.ExportJsonAsync()).Notes().Select(n => n.Id()));
        Assert.Equal(["kept.md"], (await user.ExportMarkdownAsync()).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=")]
    [InlineData("?format=csv")]
    [InlineData("?format=JSON")]
    public async Task A_missing_or_unknown_format_is_a_400_naming_it(string query)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.ExportAsync(query);

        Assert.Equal(["format"], (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task Include_revisions_that_is_not_a_boolean_is_a_400_naming_it()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.ExportAsync("?format=json&includeRevisions=maybe");

        Assert.Equal(["includeRevisions"], (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task Without_a_token_the_export_is_a_401()
    {
        var response = await api.CreateClient().GetAsync("/api/export?format=json");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
    }

    static string Timestamp(JsonNode note, string field) =>
        note.Time(field).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
