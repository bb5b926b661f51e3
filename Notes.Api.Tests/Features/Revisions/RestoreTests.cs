using Notes.Api.Entities;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Revisions;

public sealed class RestoreTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Restore_makes_the_revision_s_content_the_note_s_new_version_and_keeps_the_one_it_replaces()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Old title", "old words");
        await user.PatchedNoteAsync(added.Id(), new { tags = new[] { "kept" }, pinned = true });
        var current = await (await user.PutNoteAsync(added.Id(), new { title = "New title", description = "new words" })).JsonAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        var response = await user.RestoreRevisionAsync(added.Id(), 2, ETag.Of(current.Version()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"4\"", response.ETagOf());
        var note = await response.JsonAsync();
        Assert.Equal(("Old title", "old words", 4), (note.Title(), note["description"]!.GetValue<string>(), note.Version()));
        Assert.Equal(["kept"], note["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(note["pinned"]!.GetValue<bool>());
        Assert.True(note.Time("updatedAt") > current.Time("updatedAt"));
        Assert.Equal(note.ToJsonString(), (await user.ReadNoteAsync(added.Id())).ToJsonString());
        var history = await user.ListRevisionsAsync(added.Id());
        Assert.Equal([3, 2], history.Versions());
        Assert.Equal("New title", (await (await user.GetRevisionAsync(added.Id(), 3)).JsonAsync()).Title());
    }

    [Fact]
    public async Task Restore_without_if_match_replaces_whatever_the_note_holds_now()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });
        await user.PutNoteAsync(added.Id(), new { title = "v3" });

        var response = await user.RestoreRevisionAsync(added.Id(), 1);

        Assert.Equal(("v1", 4), ((await response.JsonAsync()).Title(), (await user.ReadNoteAsync(added.Id())).Version()));
    }

    [Fact]
    public async Task Restore_with_a_stale_if_match_is_a_412_with_the_note_as_it_is_now_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });

        var response = await user.RestoreRevisionAsync(added.Id(), 1, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        var note = await user.ReadNoteAsync(added.Id());
        Assert.Equal(("v2", 2), (note.Title(), note.Version()));
        Assert.Equal(note.ToJsonString(), problem["current"]!.ToJsonString());
        var history = await user.ListRevisionsAsync(added.Id());
        Assert.Equal([1], history.Versions());
    }

    [Fact]
    public async Task Restore_of_a_note_in_the_trash_is_a_409_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });
        var trashed = await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var response = await user.RestoreRevisionAsync(added.Id(), 1);

        await response.ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");
        Assert.Equal(trashed.ToJsonString(), (await user.ReadNoteAsync(added.Id())).ToJsonString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(0)]
    public async Task Restore_of_an_unknown_revision_is_a_404_revision_not_found_and_changes_nothing(int version)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });

        var problem = await (await user.RestoreRevisionAsync(added.Id(), version)).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal("Revision not found.", problem["detail"]!.GetValue<string>());
        Assert.Equal(2, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Restore_of_another_user_s_note_answers_like_a_missing_note_and_changes_nothing()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var added = await owner.AddNoteAsync("v1", "her words");
        await owner.PutNoteAsync(added.Id(), new { title = "v2" });

        var foreign = await other.RestoreRevisionAsync(added.Id(), 1, "\"2\"");
        var missing = await other.RestoreRevisionAsync(MongoDB.Bson.ObjectId.GenerateNewId().ToString(), 1);

        Assert.Equal("Note not found.", (await foreign.ProblemAsync(HttpStatusCode.NotFound, "not_found"))["detail"]!.GetValue<string>());
        Assert.Equal("Note not found.", (await missing.ProblemAsync(HttpStatusCode.NotFound, "not_found"))["detail"]!.GetValue<string>());
        await (await other.RestoreRevisionAsync("not-an-id", 1)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var note = await owner.ReadNoteAsync(added.Id());
        Assert.Equal(("v2", 2), (note.Title(), note.Version()));
    }

    [Fact]
    public async Task Twenty_restores_racing_from_one_version_let_one_win_keep_one_revision_of_it_and_answer_412_with_current_to_the_rest()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("v1")).Id();
        await user.PutNoteAsync(id, new { title = "v2" });
        await user.PutNoteAsync(id, new { title = "v3" });

        var responses = await Concurrently.AllAtOnceAsync(20, writer => user.RestoreRevisionAsync(id, 1 + writer % 2, "\"3\""));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var note = await user.ReadNoteAsync(id);
        foreach (var loser in responses.Where(r => r != winner))
            Assert.Equal(note.ToJsonString(), (await loser.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict"))["current"]!.ToJsonString());
        var stored = await api.Service<IMongoCollection<Revision>>().Find(r => r.NoteId == id).SortBy(r => r.Version).ToListAsync();
        Assert.Equal([(1, "v1"), (2, "v2"), (3, "v3")], stored.Select(r => (r.Version, r.Title)));
    }
}
