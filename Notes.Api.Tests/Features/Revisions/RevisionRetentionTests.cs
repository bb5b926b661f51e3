using Notes.Api.Entities;

namespace Notes.Api.Tests.Features.Revisions;

/// <summary>A note keeps at most Notes:MaxRevisionsPerNote revisions, the newest; here three.</summary>
public sealed class RevisionRetentionTests(RevisionRetentionTests.Api api) : IClassFixture<RevisionRetentionTests.Api>
{
    public const int Kept = 3;

    public sealed class Api : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Notes:MaxRevisionsPerNote"] = $"{Kept}" };
    }

    async Task<List<int>> StoredVersionsAsync(string noteId) =>
        [.. (await api.Service<IMongoCollection<Revision>>().Find(r => r.NoteId == noteId).SortBy(r => r.Version).ToListAsync()).Select(r => r.Version)];

    [Fact]
    public async Task Past_the_limit_the_oldest_revisions_go_first_and_the_newest_stay()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("v1")).Id();

        for (var version = 1; version <= 6; version++)
            await user.PutNoteAsync(id, new { title = $"v{version + 1}" });

        Assert.Equal([4, 5, 6], await StoredVersionsAsync(id));
    }

    [Fact]
    public async Task The_limit_counts_revisions_not_versions_when_some_changes_kept_none()
    {
        var user = await api.SignedInUserAsync();
        var id = (await user.AddNoteAsync("v1")).Id();

        await user.PutNoteAsync(id, new { title = "v2" });
        for (var i = 0; i < 4; i++)
            await user.PatchedNoteAsync(id, new { pinned = i % 2 == 0 });
        Assert.Equal([1], await StoredVersionsAsync(id));
        await user.PutNoteAsync(id, new { title = "v7" });
        await user.PutNoteAsync(id, new { title = "v8" });
        await user.PutNoteAsync(id, new { title = "v9" });

        Assert.Equal([6, 7, 8], await StoredVersionsAsync(id));
    }

    [Fact]
    public async Task The_limit_holds_per_note()
    {
        var user = await api.SignedInUserAsync();
        var busy = (await user.AddNoteAsync("busy")).Id();
        var quiet = (await user.AddNoteAsync("quiet")).Id();
        await user.PutNoteAsync(quiet, new { title = "quiet, once" });

        for (var i = 0; i < 5; i++)
            await user.PutNoteAsync(busy, new { title = $"busy {i}" });

        Assert.Equal([3, 4, 5], await StoredVersionsAsync(busy));
        Assert.Equal([1], await StoredVersionsAsync(quiet));
    }
}
