using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Shares;

public sealed class RevokeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A second API instance on the first one's database, as behind a load balancer.</summary>
    sealed class SecondInstance(ApiFactory first) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Database"] = first.Database };
    }

    [Fact]
    public async Task Revoke_returns_204_and_the_link_is_dead_and_listed_no_more()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());
        var kept = await user.ShareAsync(note.Id());

        var response = await user.RevokeShareAsync(note.Id(), share.Id());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await api.ReadSharedAsync(share.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal([kept.Id()], (await user.ListSharesAsync(note.Id())).Select(s => s!.Id()));
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(kept.Token())).StatusCode);
        await (await user.RevokeShareAsync(note.Id(), share.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_revoked_link_is_dead_at_once_on_a_second_instance_on_the_same_database()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());
        await using var second = new SecondInstance(api);
        await second.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await second.ReadSharedAsync(share.Token())).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.RevokeShareAsync(note.Id(), share.Id())).StatusCode);

        await (await second.ReadSharedAsync(share.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Someone_elses_link_or_note_is_answered_404_like_a_missing_one_and_their_link_still_works()
    {
        var owner = await api.SignedInUserAsync();
        var caller = await api.SignedInUserAsync();
        var theirs = await owner.AddNoteAsync("Not yours");
        var share = await owner.ShareAsync(theirs.Id());
        var mine = await caller.AddNoteAsync("Mine");

        var foreignNote = await (await caller.RevokeShareAsync(theirs.Id(), share.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missingNote = await (await caller.RevokeShareAsync(ObjectId.GenerateNewId().ToString(), share.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var foreignShare = await (await caller.RevokeShareAsync(mine.Id(), share.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missingShare = await (await caller.RevokeShareAsync(mine.Id(), ObjectId.GenerateNewId().ToString())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var malformedShare = await (await caller.RevokeShareAsync(mine.Id(), "not-an-id")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(missingNote["detail"]!.GetValue<string>(), foreignNote["detail"]!.GetValue<string>());
        Assert.Equal(missingShare["detail"]!.GetValue<string>(), foreignShare["detail"]!.GetValue<string>());
        Assert.Equal(missingShare["detail"]!.GetValue<string>(), malformedShare["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(share.Token())).StatusCode);
        Assert.Single(await owner.ListSharesAsync(theirs.Id()));
    }
}
