namespace Notes.Api.Tests.Features.Tags;

public sealed class DeleteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Delete_takes_the_tag_and_those_nested_below_it_off_every_note_trash_included_and_keeps_the_notes()
    {
        var user = await api.SignedInUserAsync();
        var first = await user.AddTaggedNoteAsync("first", "home", "work", "workshop", "work/clients");
        var trashed = await user.AddTaggedNoteAsync("trashed", "work/clients/acme");
        await api.PutInTrashAsync(trashed.Id());

        var response = await user.DeleteTagAsync("work");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["home", "workshop"], (await user.ReadNoteAsync(first.Id())).Tags());
        Assert.Empty((await user.ReadNoteAsync(trashed.Id())).Tags());
        Assert.Equal(["home:1", "workshop:1"], await user.ListTagsAsync());
    }

    [Theory]
    [InlineData("work/clients")]
    [InlineData("work%2Fclients")]
    [InlineData("Work%2FClients")]
    public async Task A_nested_tag_is_deleted_by_its_slash_as_it_is_or_escaped_and_its_parent_stays(string path)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("nested", "work", "work/clients", "work/clients/acme", "work/suppliers");

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync(path)).StatusCode);

        Assert.Equal(["work", "work/suppliers"], (await user.ReadNoteAsync(note.Id())).Tags());
    }

    [Fact]
    public async Task Delete_normalises_the_route_like_any_tag_in_every_script_and_unicode_form()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("scripts", "Caf\u00e9", "δουλειά", "仕事", "keep");

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync(Uri.EscapeDataString("CAFE\u0301"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync(Uri.EscapeDataString("ΔΟΥΛΕΙΆ"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync("仕事")).StatusCode);

        Assert.Equal(["keep"], (await user.ReadNoteAsync(note.Id())).Tags());
    }

    [Fact]
    public async Task Each_changed_note_gets_a_new_version_so_an_update_holding_the_old_one_gets_412_and_its_updatedAt_stays()
    {
        var user = await api.SignedInUserAsync();
        var tagged = await user.AddTaggedNoteAsync("tagged", "work", "home");
        var other = await user.AddTaggedNoteAsync("other", "home");
        api.Clock.Advance(TimeSpan.FromSeconds(5));

        await user.DeleteTagAsync("work");

        var changed = await user.ReadNoteAsync(tagged.Id());
        Assert.Equal(tagged.Version() + 1, changed.Version());
        Assert.Equal(tagged.Time("updatedAt"), changed.Time("updatedAt"));
        Assert.Equal(other.Version(), (await user.ReadNoteAsync(other.Id())).Version());
        var conflict = await (await user.PutNoteAsync(tagged.Id(), new { title = "stale" }, $"\"{tagged.Version()}\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        Assert.Equal(changed.ToJsonString(), conflict["current"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_reaches_more_notes_than_one_bulk_write_holds()
    {
        var user = await api.SignedInUserAsync();
        var notes = new List<JsonNode>();
        for (var i = 0; i < 45; i++)
            notes.Add(await user.AddTaggedNoteAsync($"note {i}", "bulk", "keep"));

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync("bulk")).StatusCode);

        Assert.Equal(["keep:45"], await user.ListTagsAsync());
        Assert.Equal(notes[^1].Version() + 1, (await user.ReadNoteAsync(notes[^1].Id())).Version());
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("wor")]
    [InlineData("work/clients")]
    [InlineData("has%20space")]
    [InlineData("a-tag-name-longer-than-32-characters")]
    [InlineData("work%EF%BF%BE")]
    public async Task Delete_of_a_tag_none_of_the_callers_notes_carries_or_of_a_name_that_cannot_be_a_tag_is_404(string path)
    {
        var user = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("tagged", "work");

        await (await user.DeleteTagAsync(path)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(["work:1"], await user.ListTagsAsync());
    }

    [Fact]
    public async Task Delete_touches_only_the_callers_notes_and_another_users_tag_is_not_found()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await user.AddTaggedNoteAsync("mine", "work");
        var theirs = await other.AddTaggedNoteAsync("theirs", "work", "secret");

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteTagAsync("work")).StatusCode);
        await (await user.DeleteTagAsync("secret")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        var read = await other.ReadNoteAsync(theirs.Id());
        Assert.Equal(["work", "secret"], read.Tags());
        Assert.Equal(theirs.Version(), read.Version());
    }
}
