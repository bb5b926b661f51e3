namespace Notes.Api.Tests.Features.Tags;

public sealed class RenameTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Rename_renames_the_tag_on_every_note_trash_included_and_answers_the_new_name_with_its_count_outside_the_trash()
    {
        var user = await api.SignedInUserAsync();
        var first = await user.AddTaggedNoteAsync("first", "home", "work", "later");
        var second = await user.AddTaggedNoteAsync("second", "work");
        var trashed = await user.AddTaggedNoteAsync("trashed", "work");
        var untagged = await user.AddTaggedNoteAsync("untagged", "home");
        await api.PutInTrashAsync(trashed.Id());

        var response = await user.RenameTagAsync("work", "job");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal(["name", "count"], answer.AsObject().Select(p => p.Key));
        Assert.Equal("job", answer["name"]!.GetValue<string>());
        Assert.Equal(2, answer["count"]!.GetValue<int>());
        Assert.Equal(["home", "job", "later"], (await user.ReadNoteAsync(first.Id())).Tags());
        Assert.Equal(["job"], (await user.ReadNoteAsync(second.Id())).Tags());
        Assert.Equal(["job"], (await user.ReadNoteAsync(trashed.Id())).Tags());
        Assert.Equal(["home"], (await user.ReadNoteAsync(untagged.Id())).Tags());
        Assert.Equal(["home:2", "job:2", "later:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task Renaming_a_parent_renames_every_tag_nested_below_it_and_no_tag_that_only_starts_alike()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("nested", "work/clients/acme", "work", "workshop", "work/clients", "home/work");

        Assert.Equal(HttpStatusCode.OK, (await user.RenameTagAsync("work", "job")).StatusCode);

        Assert.Equal(["job/clients/acme", "job", "workshop", "job/clients", "home/work"], (await user.ReadNoteAsync(note.Id())).Tags());
    }

    [Theory]
    [InlineData("work/clients")]
    [InlineData("work%2Fclients")]
    [InlineData("work%2fclients")]
    public async Task A_nested_tag_is_addressed_by_its_slash_as_it_is_or_escaped(string path)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("nested", "work", "work/clients", "work/clients/acme");

        var response = await user.RenameTagAsync(path, "customers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["work", "customers", "customers/acme"], (await user.ReadNoteAsync(note.Id())).Tags());
    }

    [Fact]
    public async Task Renaming_into_an_existing_tag_merges_them_and_a_note_that_had_both_keeps_one_in_the_place_of_the_first()
    {
        var user = await api.SignedInUserAsync();
        var newFirst = await user.AddTaggedNoteAsync("new first", "job", "home", "work");
        var oldFirst = await user.AddTaggedNoteAsync("old first", "work", "home", "job");
        var children = await user.AddTaggedNoteAsync("children", "work/a", "job/a", "job");

        var response = await user.RenameTagAsync("work", "job");

        Assert.Equal(3, (await response.JsonAsync())["count"]!.GetValue<int>());
        Assert.Equal(["job", "home"], (await user.ReadNoteAsync(newFirst.Id())).Tags());
        Assert.Equal(["job", "home"], (await user.ReadNoteAsync(oldFirst.Id())).Tags());
        Assert.Equal(["job/a", "job"], (await user.ReadNoteAsync(children.Id())).Tags());
        Assert.Equal(["home:2", "job:3", "job/a:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task Each_changed_note_gets_a_new_version_so_an_update_holding_the_old_one_gets_412_and_its_updatedAt_stays()
    {
        var user = await api.SignedInUserAsync();
        var tagged = await user.AddTaggedNoteAsync("tagged", "work");
        var other = await user.AddTaggedNoteAsync("other", "home");
        api.Clock.Advance(TimeSpan.FromSeconds(5));

        await user.RenameTagAsync("work", "job");

        var renamed = await user.ReadNoteAsync(tagged.Id());
        Assert.Equal(tagged.Version() + 1, renamed.Version());
        Assert.Equal(tagged.Time("updatedAt"), renamed.Time("updatedAt"));
        Assert.Equal(other.Version(), (await user.ReadNoteAsync(other.Id())).Version());
        var stale = await user.PutNoteAsync(tagged.Id(), new { title = "stale" }, $"\"{tagged.Version()}\"");
        var conflict = await stale.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        Assert.Equal(renamed.ToJsonString(), conflict["current"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await user.PutNoteAsync(tagged.Id(), new { title = "current" }, $"\"{renamed.Version()}\"")).StatusCode);
    }

    [Fact]
    public async Task A_rename_racing_with_updates_of_its_notes_renames_every_one_and_loses_no_update()
    {
        var user = await api.SignedInUserAsync();
        var notes = new List<JsonNode>();
        for (var i = 0; i < 12; i++)
            notes.Add(await user.AddTaggedNoteAsync($"note {i}", "home", "work"));

        // Each update moves its note's version while the rename is under way; the rename reads such a note again and retries it.
        // Twelve, not more: each update also keeps a revision, and 30 at once (beside the other test classes) could keep the
        // embedded engine busy past the driver's timeout, a 503 that says nothing about the rename.
        var updates = notes.Select(n => user.PutNoteAsync(n.Id(), new { title = $"{n.Title()}, changed" })).ToList();
        var rename = user.RenameTagAsync("work", "job");
        await Task.WhenAll([.. updates, rename]);

        Assert.Equal(HttpStatusCode.OK, (await rename).StatusCode);
        Assert.All(updates, u => Assert.Equal(HttpStatusCode.OK, u.Result.StatusCode));
        var list = await user.ListNotesAsync("?pageSize=100");
        Assert.All(list["items"]!.AsArray().Select(n => n!), n =>
        {
            Assert.Equal(["home", "job"], n.Tags());
            Assert.EndsWith(", changed", n.Title());
            Assert.Equal(3, n.Version());
        });
    }

    [Fact]
    public async Task The_route_and_the_new_name_are_normalised_like_any_tag_in_every_script_and_unicode_form()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("scripts", "Work", "Caf\u00e9", "δουλειά");

        Assert.Equal("job", (await (await user.RenameTagAsync("WORK", "Job")).JsonAsync())["name"]!.GetValue<string>());
        Assert.Equal("仕事", (await (await user.RenameTagAsync(Uri.EscapeDataString("ΔΟΥΛΕΙΆ"), "仕事")).JsonAsync())["name"]!.GetValue<string>());
        var decomposed = await user.RenameTagAsync(Uri.EscapeDataString("Cafe\u0301"), "Be\u0301bé");

        Assert.Equal("b\u00e9b\u00e9", (await decomposed.JsonAsync())["name"]!.GetValue<string>());
        Assert.Equal(["job", "b\u00e9b\u00e9", "仕事"], (await user.ReadNoteAsync(note.Id())).Tags());
    }

    [Fact]
    public async Task Rename_to_itself_answers_200_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("tagged", "work", "work/clients");

        var response = await user.RenameTagAsync("work", "Work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("work", (await response.JsonAsync())["name"]!.GetValue<string>());
        var read = await user.ReadNoteAsync(note.Id());
        Assert.Equal(note.Version(), read.Version());
        Assert.Equal(["work", "work/clients"], read.Tags());
    }

    [Fact]
    public async Task Renaming_a_tag_found_only_in_the_trash_answers_a_count_of_0()
    {
        var user = await api.SignedInUserAsync();
        var trashed = await user.AddTaggedNoteAsync("trashed", "old");
        await api.PutInTrashAsync(trashed.Id());

        var response = await user.RenameTagAsync("old", "older");

        Assert.Equal(0, (await response.JsonAsync())["count"]!.GetValue<int>());
        Assert.Equal(["older"], (await user.ReadNoteAsync(trashed.Id())).Tags());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("has space")]
    [InlineData("/job")]
    [InlineData("job/")]
    [InlineData("job//clients")]
    [InlineData("a-tag-name-longer-than-32-characters")]
    [InlineData("a\uFFFEb")]
    public async Task Rename_to_a_name_that_cannot_be_a_tag_is_400_naming_name_and_changes_nothing(string? name)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("tagged", "work");

        var problem = await (await user.RenameTagAsync("work", name)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["name"], problem.ErrorFields());
        Assert.Equal(note.Version(), (await user.ReadNoteAsync(note.Id())).Version());
        Assert.Equal(["work:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task Rename_that_would_make_a_nested_tag_too_long_is_400_naming_name_and_writes_no_note()
    {
        var user = await api.SignedInUserAsync();
        var shortOne = await user.AddTaggedNoteAsync("short", "work");
        var longOne = await user.AddTaggedNoteAsync("long", "work/" + new string('c', 26));

        var problem = await (await user.RenameTagAsync("work", "company")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["name"], problem.ErrorFields());
        Assert.Equal(["work"], (await user.ReadNoteAsync(shortOne.Id())).Tags());
        Assert.Equal(shortOne.Version(), (await user.ReadNoteAsync(shortOne.Id())).Version());
        Assert.Equal(longOne.Version(), (await user.ReadNoteAsync(longOne.Id())).Version());
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("wor")]
    [InlineData("work/clients")]
    [InlineData("has%20space")]
    [InlineData("a-tag-name-longer-than-32-characters")]
    [InlineData("work%2F%2Fclients")]
    [InlineData("work%EF%BF%BE")]
    public async Task Rename_of_a_tag_none_of_the_callers_notes_carries_or_of_a_name_that_cannot_be_a_tag_is_404(string path)
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("tagged", "work");

        await (await user.RenameTagAsync(path, "job")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Rename_of_a_tag_only_past_its_time_in_the_trash_is_404()
    {
        var user = await api.SignedInUserAsync();
        var due = await user.AddTaggedNoteAsync("due", "old");
        await api.PutInTrashAsync(due.Id(), purgeAt: api.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1));

        await (await user.RenameTagAsync("old", "older")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Rename_touches_only_the_callers_notes_and_another_users_tag_is_not_found()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("mine", "work");
        var theirs = await other.AddTaggedNoteAsync("theirs", "work", "secret");

        var renamed = await (await user.RenameTagAsync("work", "job")).JsonAsync();
        await (await user.RenameTagAsync("secret", "mine")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, renamed["count"]!.GetValue<int>());
        var read = await other.ReadNoteAsync(theirs.Id());
        Assert.Equal(["work", "secret"], read.Tags());
        Assert.Equal(theirs.Version(), read.Version());
        Assert.Equal(["secret:1", "work:1"], await other.ListTagsAsync());
    }
}
