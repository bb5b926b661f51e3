using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Shares;

public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_list_holds_every_link_to_the_note_newest_first_with_its_views_and_when_it_was_last_opened()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var other = await user.AddNoteAsync("Also shared");
        var first = await user.ShareAsync(note.Id());
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await user.ShareAsync(note.Id(), """{"expiresAt":null}""");
        await user.ShareAsync(other.Id());
        await api.ReadSharedAsync(first.Token());
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var openedFrom = api.Clock.GetUtcNow().AddMilliseconds(-1);
        await api.ReadSharedAsync(first.Token());
        var openedBy = api.Clock.GetUtcNow();

        var list = await user.ListSharesAsync(note.Id());

        Assert.Equal([second.Id(), first.Id()], list.Select(s => s!.Id()));
        Assert.All(list, s => Assert.Equal(["id", "createdAt", "expiresAt", "views", "lastViewedAt"], s!.AsObject().Select(p => p.Key)));
        Assert.Equal([0L, 2L], list.Select(s => s!["views"]!.GetValue<long>()));
        Assert.Null(list[0]!["lastViewedAt"]);
        Assert.Null(list[0]!["expiresAt"]);
        Assert.InRange(list[1]!.Time("lastViewedAt"), openedFrom, openedBy);
        Assert.Equal(first.Time("expiresAt"), list[1]!.Time("expiresAt"));
        Assert.Equal(first.Time("createdAt"), list[1]!.Time("createdAt"));
    }

    [Fact]
    public async Task A_note_never_shared_has_no_links()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Private");

        Assert.Empty(await user.ListSharesAsync(note.Id()));
    }

    [Fact]
    public async Task Someone_elses_note_is_answered_404_like_a_missing_one_and_shows_none_of_its_links()
    {
        var owner = await api.SignedInUserAsync();
        var caller = await api.SignedInUserAsync();
        var theirs = await owner.AddNoteAsync("Not yours");
        await owner.ShareAsync(theirs.Id());

        await (await caller.Client.GetAsync($"/api/notes/{theirs.Id()}/shares")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await caller.Client.GetAsync($"/api/notes/{ObjectId.GenerateNewId()}/shares")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await caller.Client.GetAsync("/api/notes/nope/shares")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
