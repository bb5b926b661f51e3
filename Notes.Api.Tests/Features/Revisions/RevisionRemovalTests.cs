using Notes.Api.Entities;

namespace Notes.Api.Tests.Features.Revisions;

/// <summary>Revisions go with their note, however it is deleted for good; the trash's purge job is in TrashPurgeTests.</summary>
public sealed class RevisionRemovalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    Task<long> StoredAsync(string noteId) => api.Service<IMongoCollection<Revision>>().CountDocumentsAsync(r => r.NoteId == noteId);

    async Task<string> NoteWithHistoryAsync(TestUser user, string title)
    {
        var id = (await user.AddNoteAsync(title)).Id();
        await user.PutNoteAsync(id, new { title = $"{title}, again" });
        await user.PutNoteAsync(id, new { title = $"{title}, once more" });
        Assert.Equal(2, await StoredAsync(id));
        return id;
    }

    [Fact]
    public async Task Deleting_a_note_deletes_its_revisions_and_no_other_note_s()
    {
        var user = await api.SignedInUserAsync();
        var doomed = await NoteWithHistoryAsync(user, "doomed");
        var kept = await NoteWithHistoryAsync(user, "kept");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/notes/{doomed}")).StatusCode);

        Assert.Equal(0, await StoredAsync(doomed));
        Assert.Equal(2, await StoredAsync(kept));
        var history = await user.ListRevisionsAsync(kept);
        Assert.Equal([2, 1], history.Versions());
    }

    [Fact]
    public async Task Deleting_another_user_s_note_deletes_none_of_its_revisions()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var id = await NoteWithHistoryAsync(owner, "hers");

        await (await other.Client.DeleteAsync($"/api/notes/{id}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(2, await StoredAsync(id));
    }

    [Fact]
    public async Task Emptying_the_trash_deletes_the_revisions_of_the_notes_in_it_and_no_other()
    {
        var user = await api.SignedInUserAsync();
        var neighbour = await api.SignedInUserAsync();
        var trashed = await NoteWithHistoryAsync(user, "trashed");
        var active = await NoteWithHistoryAsync(user, "active");
        var theirs = await NoteWithHistoryAsync(neighbour, "theirs");
        await user.PatchedNoteAsync(trashed, new { trashed = true });
        await neighbour.PatchedNoteAsync(theirs, new { trashed = true });

        Assert.Equal("""{"deleted":1}""", (await (await user.Client.DeleteAsync("/api/trash")).JsonAsync()).ToJsonString());

        Assert.Equal(0, await StoredAsync(trashed));
        Assert.Equal(2, await StoredAsync(active));
        Assert.Equal(2, await StoredAsync(theirs));
    }
}
