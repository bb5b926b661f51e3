using System.Text;
using Notes.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Notes.Api.Tests.Support.ImportCalls;

namespace Notes.Api.Tests.Features.Transfer;

/// <summary>POST /api/import: a NotesSlices export, Markdown files and zips of them, each note once, within the limits.</summary>
public sealed class ImportTests(ImportTests.Factory api) : IClassFixture<ImportTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        public const int MaxBytes = 256 * 1024;
        public const int MaxFiles = 20;
        public const int MaxExpandedBytes = 1024 * 1024;
        public const int MaxNotes = 30;

        protected override Dictionary<string, string> Settings => new(base.Settings)
        {
            ["Import:MaxBytes"] = $"{MaxBytes}",
            ["Import:MaxFiles"] = $"{MaxFiles}",
            ["Import:MaxExpandedBytes"] = $"{MaxExpandedBytes}",
            ["Notes:MaxNotesPerUser"] = $"{MaxNotes}",
        };
    }

    static readonly DateTime Created = new(2026, 11, 30, 10, 0, 0, 123, DateTimeKind.Utc);

    /// <summary>An exported note with every field a note answer has.</summary>
    static object ExportedNote(string id, string title, DateTime? trashedAt = null, bool pinned = false, bool archived = false, string[]? tags = null) => new
    {
        id,
        title,
        description = $"The text of {title}\n\n- with a list",
        pinned,
        tags = tags ?? [],
        archived,
        trashedAt,
        purgeAt = trashedAt?.AddDays(30),
        createdAt = Created,
        updatedAt = Created.AddHours(5),
        version = 7,
    };

    static string NewId() => MongoDB.Bson.ObjectId.GenerateNewId().ToString();

    [Fact]
    public async Task A_NotesSlices_export_comes_back_with_every_field_a_new_id_and_version_1()
    {
        var user = await api.SignedInUserAsync();
        var trashedAt = DateTime.UtcNow.AddDays(-2);
        trashedAt = DateTime.UnixEpoch.AddMilliseconds((long)(trashedAt - DateTime.UnixEpoch).TotalMilliseconds);
        var (pinnedId, archivedId, trashedId) = (NewId(), NewId(), NewId());
        var export = Export(
            ExportedNote(pinnedId, "Pinned", pinned: true, tags: ["work/clients", "ideas"]),
            ExportedNote(archivedId, "Archived", archived: true),
            ExportedNote(trashedId, "Trashed", trashedAt: trashedAt));

        var report = await user.ImportedAsync("notes-2026-12-02.json", export);

        Assert.Equal(3, report.Created());
        Assert.Equal(0, report.Skipped());
        Assert.Empty(report.Failed());
        var notes = (await user.AllNotesAsync()).ToDictionary(n => n.Title());
        Assert.Equal(["Archived", "Pinned", "Trashed"], notes.Keys.Order());
        foreach (var note in notes.Values)
        {
            Assert.DoesNotContain(note.Id(), new[] { pinnedId, archivedId, trashedId });
            Assert.Equal(1, note.Version());
            Assert.Equal($"The text of {note.Title()}\n\n- with a list", note["description"]!.GetValue<string>());
            Assert.Equal(Created, note.Time("createdAt").UtcDateTime);
            Assert.Equal(Created.AddHours(5), note.Time("updatedAt").UtcDateTime);
            Assert.Null(note["source"]);
        }
        Assert.True(notes["Pinned"]["pinned"]!.GetValue<bool>());
        Assert.Equal(["work/clients", "ideas"], notes["Pinned"]["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(notes["Archived"]["archived"]!.GetValue<bool>());
        Assert.False(notes["Archived"]["pinned"]!.GetValue<bool>());
        Assert.Equal(trashedAt, notes["Trashed"].Time("trashedAt").UtcDateTime);
        Assert.Equal(trashedAt.AddDays(30), notes["Trashed"].Time("purgeAt").UtcDateTime);
        Assert.Null(notes["Pinned"]["trashedAt"]);
    }

    [Fact]
    public async Task The_same_export_imported_again_creates_nothing_and_says_each_note_was_skipped()
    {
        var user = await api.SignedInUserAsync();
        var export = Export(ExportedNote(NewId(), "One"), ExportedNote(NewId(), "Two"));
        await user.ImportedAsync("export.json", export);

        var again = await user.ImportedAsync("export.json", export);

        Assert.Equal((0, 2), (again.Created(), again.Skipped()));
        Assert.Equal(2, (await user.AllNotesAsync()).Count);
    }

    [Fact]
    public async Task An_export_of_notes_still_here_imported_into_the_same_account_creates_nothing()
    {
        var user = await api.SignedInUserAsync();
        var kept = await user.AddNoteAsync("Still here");

        var report = await user.ImportedAsync("export.json", Export(ExportedNote(kept.Id(), "Still here"), ExportedNote(NewId(), "New")));

        Assert.Equal((1, 1), (report.Created(), report.Skipped()));
        Assert.Equal(["New", "Still here"], (await user.AllNotesAsync()).Select(n => n.Title()).Order());
    }

    [Fact]
    public async Task A_note_edited_after_its_import_keeps_its_source_and_is_not_imported_again()
    {
        var user = await api.SignedInUserAsync();
        var export = Export(ExportedNote(NewId(), "Before"));
        await user.ImportedAsync("export.json", export);
        var note = Assert.Single(await user.AllNotesAsync());

        Assert.Equal(HttpStatusCode.OK, (await user.PutNoteAsync(note.Id(), new { title = "After", description = "edited" })).StatusCode);
        var again = await user.ImportedAsync("export.json", export);

        Assert.Equal((0, 1), (again.Created(), again.Skipped()));
        Assert.Equal("After", Assert.Single(await user.AllNotesAsync()).Title());
    }

    [Fact]
    public async Task Each_user_imports_into_their_own_notes_and_recognises_only_their_own_sources()
    {
        var (alice, bob) = (await api.SignedInUserAsync(), await api.SignedInUserAsync());
        var file = Utf8("# Shared\n\nThe same file for both.");

        await alice.ImportedAsync("shared.md", file);
        Assert.Empty(await bob.AllNotesAsync());
        var bobs = await bob.ImportedAsync("shared.md", file);

        Assert.Equal((1, 0), (bobs.Created(), bobs.Skipped()));
        Assert.Equal("Shared", Assert.Single(await alice.AllNotesAsync()).Title());
        Assert.Equal("Shared", Assert.Single(await bob.AllNotesAsync()).Title());
    }

    [Fact]
    public async Task Joplin_front_matter_gives_the_title_tags_times_pin_and_archive()
    {
        var user = await api.SignedInUserAsync();
        var joplin = """
            ---
            title: "Joplin: a note"
            created: 2026-11-30 10:00:00Z
            updated: 2026-12-01T09:30:00.000Z
            author: someone
            tags:
              - Work
              - ideas
            pinned: true
            archived: true
            ---

            The body, **as written**.
            """;

        await user.ImportedAsync("joplin.md", Utf8(joplin));

        var note = Assert.Single(await user.AllNotesAsync());
        Assert.Equal("Joplin: a note", note.Title());
        Assert.Equal("The body, **as written**.", note["description"]!.GetValue<string>());
        Assert.Equal(["work", "ideas"], note["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), note.Time("createdAt").UtcDateTime);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), note.Time("updatedAt").UtcDateTime);
        Assert.True(note["pinned"]!.GetValue<bool>());
        Assert.True(note["archived"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("created: 2026-11-30", "tags: [a, b]", "2026-11-30T00:00:00Z")]
    [InlineData("created: 2026-11-30T10:00", "tags: a, b", "2026-11-30T10:00:00Z")]
    [InlineData("created: 2026-11-30 10:00", "tags:\n  - \"#a\"\n  - b", "2026-11-30T10:00:00Z")]
    [InlineData("created: 2026-11-30T10:00:00+02:00", "tags: [a, A, b]", "2026-11-30T08:00:00Z")]
    public async Task Obsidian_front_matter_forms_give_the_times_and_tags(string created, string tags, string expected)
    {
        var user = await api.SignedInUserAsync();

        await user.ImportedAsync("Vault note.md", Utf8($"---\n{created}\n{tags}\n---\nText."));

        var note = Assert.Single(await user.AllNotesAsync());
        Assert.Equal("Vault note", note.Title());
        Assert.Equal(["a", "b"], note["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(DateTimeOffset.Parse(expected), note.Time("createdAt"));
        Assert.Equal(DateTimeOffset.Parse(expected), note.Time("updatedAt"));
        Assert.Equal("Text.", note["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_front_matter_the_first_heading_is_the_title_else_the_file_name_and_the_body_is_kept_as_it_is()
    {
        var user = await api.SignedInUserAsync();
        var zip = Zip(
            ("headed.md", "Intro line\n```\n# not this one\n```\n# The heading\n\nText."),
            ("plain name.txt", "Just text, no heading.\r\n"));

        var report = await user.ImportedAsync("notes.zip", zip);

        Assert.Equal(2, report.Created());
        var notes = (await user.AllNotesAsync()).ToDictionary(n => n.Title(), n => n["description"]!.GetValue<string>());
        Assert.Equal("Intro line\n```\n# not this one\n```\n# The heading\n\nText.", notes["The heading"]);
        Assert.Equal("Just text, no heading.\r\n", notes["plain name"]);
    }

    [Fact]
    public async Task A_zip_of_nested_folders_imports_every_Markdown_file_and_no_folder_becomes_a_tag()
    {
        var user = await api.SignedInUserAsync();
        var zip = Zip(
            ("top.md", Utf8("# Top")),
            ("work/clients/acme/deep.md", Utf8("# Deep")),
            ("work/clients/", []),
            ("work/_resources/picture.png", [0x89, 0x50, 0x4E, 0x47]),
            ("__MACOSX/work/._deep.md", [0x00, 0x05, 0x16, 0x07, 0xFF]));

        var report = await user.ImportedAsync("vault.zip", zip);

        Assert.Equal((2, 0), (report.Created(), report.Skipped()));
        Assert.Empty(report.Failed());
        var notes = await user.AllNotesAsync();
        Assert.Equal(["Deep", "Top"], notes.Select(n => n.Title()).Order());
        Assert.All(notes, n => Assert.Empty(n["tags"]!.AsArray()));
        Assert.Equal((0, 2), ((await user.ImportedAsync("vault.zip", zip)).Created(), (await user.ImportedAsync("vault.zip", zip)).Skipped()));
    }

    [Fact]
    public async Task Files_that_cannot_be_notes_are_reported_by_name_and_the_rest_imports()
    {
        var user = await api.SignedInUserAsync();
        var latin1 = Encoding.Latin1.GetBytes("# Caf\u00e9\n\nna\u00efve");
        var zip = Zip(
            ("good.md", Utf8("# Good")),
            ("bom.md", [0xEF, 0xBB, 0xBF, .. Utf8("# With a byte order mark")]),
            ("old/latin1.md", latin1),
            ("broken-front-matter.md", Utf8("---\ntitle: [unclosed\n---\ntext")),
            ("bad-date.md", Utf8("---\ncreated: last tuesday\n---\ntext")),
            ("long-title.md", Utf8($"# {new string('t', 201)}")),
            ("long-text.md", Utf8($"# Long\n{new string('x', 100_001)}")),
            ("tags.md", Utf8("---\ntags: [fine, not ok!]\n---\n# Tagged")));

        var report = await user.ImportedAsync("mixed.zip", zip);

        Assert.Equal(3, report.Created());
        var failed = report.Failed().Select(f => (File: f!["file"]!.GetValue<string>(), Imported: f["noteImported"]!.GetValue<bool>())).ToList();
        Assert.Equal(
            [("old/latin1.md", false), ("broken-front-matter.md", false), ("bad-date.md", false), ("long-title.md", false), ("long-text.md", false), ("tags.md", true)],
            failed);
        Assert.Contains("not UTF-8", report.Failed()[0]!["reason"]!.GetValue<string>());
        Assert.Contains("not ok!", report.Failed()[5]!["reason"]!.GetValue<string>());
        var notes = (await user.AllNotesAsync()).ToDictionary(n => n.Title());
        Assert.Equal(["Good", "Tagged", "With a byte order mark"], notes.Keys.Order());
        Assert.Equal(["fine"], notes["Tagged"]["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Names_inside_a_zip_are_never_paths_on_disk()
    {
        var user = await api.SignedInUserAsync();
        var escape = $"/tmp/notes-import-escape-{Guid.NewGuid():N}.md";
        var zip = Zip(("../../etc/passwd.md", "root:x:0:0"), (escape, "# Absolute"), ("..\\..\\windows.md", "# Backslashes"));

        var report = await user.ImportedAsync("evil.zip", zip);

        Assert.Equal(3, report.Created());
        Assert.Equal(["Absolute", "Backslashes", "passwd"], (await user.AllNotesAsync()).Select(n => n.Title()).Order());
        Assert.False(File.Exists(escape));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../etc/passwd.md"))));
        Assert.False(File.Exists(Path.GetFullPath("../../etc/passwd.md")));
    }

    [Fact]
    public async Task An_upload_over_Import_MaxBytes_is_a_413_and_imports_nothing()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.ImportAsync("big.md", Utf8($"# Big\n{new string('x', Factory.MaxBytes)}"));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        Assert.Empty(await user.AllNotesAsync());
    }

    [Fact]
    public async Task A_zip_with_more_entries_than_Import_MaxFiles_is_a_400_and_imports_nothing()
    {
        var user = await api.SignedInUserAsync();
        var zip = Zip([.. Enumerable.Range(0, Factory.MaxFiles + 1).Select(i => ($"note {i}.md", $"# Note {i}"))]);

        var response = await user.ImportAsync("many.zip", zip);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "import_too_large");
        Assert.Empty(await user.AllNotesAsync());
    }

    [Fact]
    public async Task A_zip_bomb_declaring_more_than_Import_MaxExpandedBytes_is_a_400_found_before_expanding_it()
    {
        var user = await api.SignedInUserAsync();
        // 2 MiB of one letter compresses to a few kilobytes.
        var bomb = Zip(("a.md", Utf8("# A")), ("bomb.md", new byte[Factory.MaxExpandedBytes * 2]));
        Assert.True(bomb.Length < 16 * 1024);

        var response = await user.ImportAsync("bomb.zip", bomb);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "import_too_large");
        Assert.Empty(await user.AllNotesAsync());
    }

    [Fact]
    public async Task A_zip_whose_entries_lie_about_their_size_imports_none_of_them_cut_short()
    {
        var user = await api.SignedInUserAsync();
        // Five entries of 600 KB each (within a file's own limit) declaring 1 KB each: 3 MB inflated against a limit of 1 MiB.
        var entries = Enumerable.Range(0, 5).Select(i => ($"part {i}.md", Utf8($"# Part {i}\n{new string('y', 600_000)}"))).ToArray();
        var liar = DeclareSizes(Zip([("honest.md", Utf8("# Honest")), .. entries]), 1024);

        var report = await user.ImportedAsync("liar.zip", liar);

        // The honest entry declares more than it holds (1 KB for 8 bytes), which cuts nothing short.
        Assert.Equal(1, report.Created());
        Assert.Equal(entries.Select(e => e.Item1), report.Failed().Select(f => f!["file"]!.GetValue<string>()));
        Assert.All(report.Failed(), f => Assert.Contains("checksum", f!["reason"]!.GetValue<string>()));
        Assert.Equal("Honest", Assert.Single(await user.AllNotesAsync()).Title());
    }

    [Fact]
    public async Task More_new_notes_than_the_quota_leaves_room_for_is_a_409_saying_how_many_fit_and_imports_nothing()
    {
        var user = await api.SignedInUserAsync();
        for (var i = 0; i < 5; i++)
            await user.AddNoteAsync($"kept {i}");
        var zip = Zip([.. Enumerable.Range(0, Factory.MaxFiles).Select(i => ($"n{i}.md", $"# N{i}"))]);
        await user.ImportedAsync("first.zip", Zip(("extra1.md", "# E1"), ("extra2.md", "# E2"), ("extra3.md", "# E3"), ("extra4.md", "# E4"), ("extra5.md", "# E5"), ("extra6.md", "# E6")));

        var response = await user.ImportAsync("many.zip", zip);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "quota_reached");
        Assert.Equal(Factory.MaxNotes - 11, problem["fits"]!.GetValue<int>());
        Assert.Equal(11, (await user.AllNotesAsync()).Count);
    }

    [Theory]
    [InlineData("document.pdf", "%PDF-1.7")]
    [InlineData("other.json", "{\"notes\": []}")]
    [InlineData("broken.json", "{\"format\": \"notesslices\", ")]
    [InlineData("newer.json", "{\"format\": \"notesslices\", \"formatVersion\": 2, \"notes\": []}")]
    [InlineData("fake.zip", "PK\u0003\u0004 not really a zip")]
    public async Task A_file_that_is_not_a_kind_this_imports_is_a_400_and_imports_nothing(string name, string content)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.ImportAsync(name, Utf8(content));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "import_format_unknown");
        Assert.Empty(await user.AllNotesAsync());
    }

    [Fact]
    public async Task A_request_without_a_file_part_is_a_400_naming_the_file_field()
    {
        var user = await api.SignedInUserAsync();
        var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        var response = await user.Client.PostAsync("/api/import", form);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("file", problem.ErrorFields());
    }

    [Fact]
    public async Task A_repeat_with_the_same_Idempotency_Key_gets_the_first_report_and_another_file_under_it_is_a_422()
    {
        var user = await api.SignedInUserAsync();
        var key = Guid.NewGuid().ToString();
        var file = Zip(("a.md", "# A"), ("b.md", "# B"));

        var first = await user.ImportedAsync("two.zip", file, key);
        var repeat = await user.ImportedAsync("two.zip", file, key);
        var other = await user.ImportAsync("two.zip", Zip(("c.md", "# C")), key);

        Assert.Equal((2, 0), (first.Created(), first.Skipped()));
        Assert.Equal(first.ToJsonString(), repeat.ToJsonString());
        await other.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(2, (await user.AllNotesAsync()).Count);
    }

    [Fact]
    public async Task An_import_refused_for_its_size_leaves_its_Idempotency_Key_free_for_a_new_file()
    {
        var user = await api.SignedInUserAsync();
        var key = Guid.NewGuid().ToString();
        await (await user.ImportAsync("x.pdf", Utf8("%PDF"), key)).ProblemAsync(HttpStatusCode.BadRequest, "import_format_unknown");

        var report = await user.ImportedAsync("a.md", Utf8("# A"), key);

        Assert.Equal(1, report.Created());
    }

    /// <summary>
    /// The zip with every entry's uncompressed size rewritten to <paramref name="declared"/>, in its local header and in the central
    /// directory, as a crafted bomb does; its data and checksums are left as they are.
    /// </summary>
    static byte[] DeclareSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var at = 0; at + 4 <= bytes.Length; at++)
        {
            var signature = BitConverter.ToUInt32(bytes, at);
            if (signature == 0x04034b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 22, 4), declared);
            else if (signature == 0x02014b50)
                BitConverter.TryWriteBytes(bytes.AsSpan(at + 24, 4), declared);
        }
        return bytes;
    }
}

/// <summary>The import's body limit on the API's defaults: above what any other request may send.</summary>
public sealed class ImportBodyLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_export_larger_than_any_note_request_may_be_is_imported_within_the_default_Import_MaxBytes()
    {
        var user = await api.SignedInUserAsync();
        var text = new string('x', 90_000);
        var export = Export([.. Enumerable.Range(0, 12).Select(i => new { id = $"note-{i}", title = $"Note {i}", description = text })]);
        Assert.True(export.Length > global::Notes.Api.Features.Notes.NoteContent.MaxBodyBytes);

        var report = await user.ImportedAsync("large.json", export);

        Assert.Equal(12, report.Created());
    }
}

/// <summary>An import cut off by a database that stops answering, and the same import run again.</summary>
[Trait("Category", "Slow")]
public sealed class ImportOutageTests(PausableDatabaseApi api, ITestOutputHelper output)
    : IClassFixture<PausableDatabaseApi>
{
    const int Files = 1_000;

    [Fact]
    public async Task An_import_interrupted_by_a_frozen_database_leaves_no_half_note_and_running_it_again_completes_it_without_duplicates()
    {
        var user = await api.SignedInUserAsync();
        var zip = Zip([.. Enumerable.Range(0, Files).Select(i => ($"notes/{i:0000}.md", $"# Note {i}\n\n{new string('z', 500)} {i}"))]);
        var notes = api.Mongo().GetCollection<MongoDB.Bson.BsonDocument>("notes");
        var owner = new MongoDB.Bson.BsonDocument("ownerId", MongoDB.Bson.ObjectId.Parse(user.Id));

        // The engine is frozen once the first batch is stored, with the rest still to come.
        var import = user.ImportAsync("big.zip", zip);
        while (!import.IsCompleted && await notes.CountDocumentsAsync(owner) == 0)
            await Task.Delay(5);
        api.PausableEngine.Pause();
        HttpResponseMessage interrupted;
        try
        {
            interrupted = await import;
        }
        finally
        {
            api.PausableEngine.Resume();
        }
        var storedBefore = await notes.CountDocumentsAsync(owner);
        output.WriteLine($"The first import answered {(int)interrupted.StatusCode}; {storedBefore} of {Files} notes were stored");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, interrupted.StatusCode);

        var rerun = await user.ImportedAsync("big.zip", zip);

        // A batch sent as the engine froze may still be stored once it wakes: the run again skips at least what was there.
        Assert.Equal(Files, rerun.Created() + rerun.Skipped());
        Assert.InRange(rerun.Skipped(), storedBefore, Files - 1);
        var stored = await notes.Find(owner).ToListAsync();
        Assert.Equal(Files, stored.Count);
        Assert.Equal(Files, stored.Select(n => n["title"].AsString).Distinct().Count());
        // Every note whole: the file as it was (its heading kept, as a file without front matter keeps it).
        Assert.All(stored, n => Assert.Equal($"# {n["title"].AsString}\n\n{new string('z', 500)} {n["title"].AsString["Note ".Length..]}", n["description"].AsString));
    }
}
