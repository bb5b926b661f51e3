using Notes.Api.Entities;

namespace Notes.Api.Tests.Features.Revisions;

public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_list_holds_each_replaced_version_newest_first_with_its_title_time_and_description_length()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("First", "one");
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await (await user.PutNoteAsync(added.Id(), new { title = "Second", description = "twenty two characters" })).JsonAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await user.PutNoteAsync(added.Id(), new { title = "Third", description = "" });

        var list = await user.ListRevisionsAsync(added.Id());

        Assert.Equal((1, 20, 2L), (list["page"]!.GetValue<int>(), list["pageSize"]!.GetValue<int>(), list.Total()));
        var items = list["items"]!.AsArray();
        Assert.Equal(["version", "title", "savedAt", "length"], items[0]!.AsObject().Select(p => p.Key));
        Assert.Equal([2, 1], list.Versions());
        Assert.Equal(["Second", "First"], list.Titles());
        Assert.Equal([21, 3], items.Select(r => r!["length"]!.GetValue<int>()));
        Assert.Equal(second.Time("updatedAt"), items[0]!.Time("savedAt"));
        Assert.Equal(added.Time("updatedAt"), items[1]!.Time("savedAt"));
    }

    [Fact]
    public async Task A_note_never_changed_has_an_empty_history()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Untouched");
        await user.PatchedNoteAsync(added.Id(), new { pinned = true });

        var list = await user.ListRevisionsAsync(added.Id());

        Assert.Empty(list.Versions());
        Assert.Equal(0, list.Total());
    }

    [Fact]
    public async Task Pages_cut_the_history_newest_first_and_the_total_counts_it_all()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("v1")).Id();
        for (var version = 2; version <= 6; version++)
            await user.PutNoteAsync(id, new { title = $"v{version}" });

        var first = await user.ListRevisionsAsync(id, "?page=1&pageSize=2");
        var last = await user.ListRevisionsAsync(id, "?page=3&pageSize=2");
        var past = await user.ListRevisionsAsync(id, "?page=4&pageSize=2");

        Assert.Equal([5, 4], first.Versions());
        Assert.Equal([1], last.Versions());
        Assert.Empty(past.Versions());
        Assert.All([first, last, past], page => Assert.Equal(5, page.Total()));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    public async Task A_page_out_of_the_notes_list_s_bounds_is_a_400_naming_it(string query, string named)
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("a note")).Id();

        var response = await user.GetRevisionsAsync(id, query);

        Assert.Equal([named], (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task A_revision_left_at_or_above_the_note_s_version_by_a_writer_that_stopped_is_not_listed()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });
        var stray = new Revision
        {
            NoteId = added.Id(),
            OwnerId = user.Id,
            Version = 2,
            Title = "v2",
            Description = "",
            Length = 0,
            SavedAt = DateTime.UtcNow,
        };
        await api.Service<IMongoCollection<Revision>>().InsertOneAsync(stray);

        var list = await user.ListRevisionsAsync(added.Id());

        Assert.Equal([1], list.Versions());
        Assert.Equal(1, list.Total());
        await (await user.GetRevisionAsync(added.Id(), 2)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_history_of_a_note_in_the_trash_is_listed()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var list = await user.ListRevisionsAsync(added.Id());

        Assert.Equal([1], list.Versions());
    }

    [Fact]
    public async Task Another_user_s_note_s_history_answers_like_a_missing_note()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var added = await owner.AddNoteAsync("private", "secret words");
        await owner.PutNoteAsync(added.Id(), new { title = "private, again" });

        var foreign = await other.GetRevisionsAsync(added.Id());
        var missing = await other.GetRevisionsAsync(MongoDB.Bson.ObjectId.GenerateNewId().ToString());

        var problem = await foreign.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Note not found.", problem["detail"]!.GetValue<string>());
        Assert.Equal(problem["detail"]!.ToJsonString(), (await missing.ProblemAsync(HttpStatusCode.NotFound, "not_found"))["detail"]!.ToJsonString());
        Assert.DoesNotContain("private", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_note_id_is_a_404_and_no_token_a_401()
    {
        var user = await api.SignedInUserAsync();

        await (await user.GetRevisionsAsync("not-an-id")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await api.CreateClient().GetAsync($"/api/notes/{MongoDB.Bson.ObjectId.GenerateNewId()}/revisions")).ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
    }
}
