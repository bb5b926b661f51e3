using Notes.Api.Entities;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Revisions;

/// <summary>What the history holds after each kind of change, read where it is stored: one revision per replaced version of the content.</summary>
public sealed class RevisionKeepingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const int Writers = 20;

    IMongoCollection<Revision> Revisions => api.Service<IMongoCollection<Revision>>();

    Task<List<Revision>> StoredAsync(string noteId) => Revisions.Find(r => r.NoteId == noteId).SortBy(r => r.Version).ToListAsync();

    [Fact]
    public async Task A_put_that_changes_the_content_keeps_the_replaced_version_with_when_it_was_written()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("First title", "first words");
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await user.PutNoteAsync(added.Id(), new { title = "Second title", description = "second words" })).StatusCode);

        var revision = Assert.Single(await StoredAsync(added.Id()));
        Assert.Equal((user.Id, 1, "First title", "first words"), (revision.OwnerId, revision.Version, revision.Title, revision.Description));
        Assert.Equal(added.Time("updatedAt"), new DateTimeOffset(revision.SavedAt));
    }

    [Fact]
    public async Task A_put_of_the_same_title_and_description_keeps_no_revision()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Same", "same words");

        var response = await user.PutNoteAsync(added.Id(), new { title = "  Same ", description = "same words" });

        Assert.Equal(2, (await response.JsonAsync()).Version());
        Assert.Empty(await StoredAsync(added.Id()));
    }

    [Fact]
    public async Task A_patch_keeps_a_revision_only_when_it_changes_the_title_or_the_description()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Title", "words");

        await user.PatchedNoteAsync(added.Id(), new { pinned = true });
        await user.PatchedNoteAsync(added.Id(), new { tags = new[] { "work" }, archived = true });
        await user.PatchedNoteAsync(added.Id(), new { description = "new words" });
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });
        await user.PatchedNoteAsync(added.Id(), new { trashed = false, title = "New title" });

        Assert.Equal(
            [(3, "Title", "words"), (5, "Title", "new words")],
            (await StoredAsync(added.Id())).Select(r => (r.Version, r.Title, r.Description)));
    }

    [Fact]
    public async Task A_refused_change_keeps_no_revision()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Title", "words");
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        await (await user.PutNoteAsync(added.Id(), new { title = "Stale" }, "\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        await (await user.PutNoteAsync(added.Id(), new { title = "In the trash" })).ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");

        Assert.Empty(await StoredAsync(added.Id()));
    }

    [Fact]
    public async Task A_revision_already_stored_by_a_writer_that_then_stopped_is_kept_once_by_the_next()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Title", "words");
        // What a writer leaves when it stops between storing the revision and its compare-and-set.
        await Revisions.InsertOneAsync(new Revision
        {
            NoteId = added.Id(),
            OwnerId = user.Id,
            Version = 1,
            Title = "Title",
            Description = "words",
            Length = 5,
            SavedAt = added.Time("updatedAt").UtcDateTime,
        });

        Assert.Equal(HttpStatusCode.OK, (await user.PutNoteAsync(added.Id(), new { title = "Next" }, "\"1\"")).StatusCode);

        Assert.Equal([1], (await StoredAsync(added.Id())).Select(r => r.Version));
    }

    [Fact]
    public async Task Twenty_writers_racing_from_one_version_with_if_match_leave_exactly_one_revision_of_it()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("original", "the words everyone read")).Id();

        var responses = await Concurrently.AllAtOnceAsync(Writers, writer => user.PutNoteAsync(id, new { title = $"writer {writer}", description = $"words of {writer}" }, ETag.Of(1)));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r != winner))
            await loser.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        var revision = Assert.Single(await StoredAsync(id));
        Assert.Equal((1, "original", "the words everyone read"), (revision.Version, revision.Title, revision.Description));
    }

    [Fact]
    public async Task Twenty_writers_racing_without_if_match_all_win_in_turn_and_each_replaced_version_is_kept_exactly_once_as_it_was()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("original", "words 0")).Id();

        var responses = await Concurrently.AllAtOnceAsync(Writers, writer => user.PutNoteAsync(id, new { title = $"writer {writer}", description = $"words of {writer}" }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var written = new List<JsonNode>();
        foreach (var response in responses)
            written.Add(await response.JsonAsync());
        // Every version the writers made, but the last, was replaced by the next one: each is kept as that writer wrote it.
        var versions = written.ToDictionary(n => n.Version(), n => (n.Title(), n["description"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(2, Writers), versions.Keys.Order());
        versions[1] = ("original", "words 0");
        Assert.Equal(
            Enumerable.Range(1, Writers).Select(v => (v, versions[v].Item1, versions[v].Item2)),
            (await StoredAsync(id)).Select(r => (r.Version, r.Title, r.Description)));
    }

    [Fact]
    public async Task Each_note_keeps_its_own_revisions_under_its_owner()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var hers = await alice.AddNoteAsync("hers", "her words");
        var his = await bob.AddNoteAsync("his", "his words");

        await alice.PutNoteAsync(hers.Id(), new { title = "hers, again" });
        await bob.PutNoteAsync(his.Id(), new { title = "his, again" });

        Assert.Equal([(alice.Id, "hers")], (await StoredAsync(hers.Id())).Select(r => (r.OwnerId, r.Title)));
        Assert.Equal([(bob.Id, "his")], (await StoredAsync(his.Id())).Select(r => (r.OwnerId, r.Title)));
    }
}
