namespace Notes.Api.Tests.Features.Notes;

/// <summary>Broken object-level authorisation: user B must never read, change, delete or list user A's notes.</summary>
public sealed class OwnershipTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Get_of_another_users_note_returns_404()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var note = await alice.AddNoteAsync("Alice's diary", "secret");

        var response = await bob.GetNoteAsync(note.Id());

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("secret", problem.ToJsonString());
        Assert.False(response.Headers.Contains("ETag"));
    }

    [Fact]
    public async Task Update_of_another_users_note_returns_404_and_changes_nothing()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var note = await alice.AddNoteAsync("Alice's diary", "secret");

        var response = await bob.PutNoteAsync(note.Id(), new { title = "Bob was here", description = "" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
        var unchanged = await alice.ReadNoteAsync(note.Id());
        Assert.Equal(note.ToJsonString(), unchanged.ToJsonString());
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("\"2\"")]
    [InlineData("*")]
    public async Task Update_of_another_users_note_with_if_match_returns_404_not_412(string ifMatch)
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var note = await alice.AddNoteAsync("Alice's diary");

        var response = await bob.PutNoteAsync(note.Id(), new { title = "Bob was here" }, ifMatch);

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await alice.ReadNoteAsync(note.Id())).Version());
    }

    [Fact]
    public async Task Delete_of_another_users_note_returns_404_and_the_note_stays()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var note = await alice.AddNoteAsync("Alice's diary");

        var response = await bob.Client.DeleteAsync($"/api/notes/{note.Id()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Alice's diary", (await alice.ReadNoteAsync(note.Id())).Title());
    }

    [Fact]
    public async Task List_and_search_show_only_the_callers_notes()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        await alice.AddNoteAsync("Shared word: alpha", "alice only");
        await bob.AddNoteAsync("Shared word: alpha", "bob only");

        var bobsList = await bob.ListNotesAsync();
        var bobsSearch = await bob.ListNotesAsync("?search=alpha");
        var bobsSearchForAlice = await bob.ListNotesAsync("?search=alice");

        Assert.Equal(1, bobsList.Total());
        Assert.Equal("bob only", bobsList["items"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(1, bobsSearch.Total());
        Assert.Equal("bob only", bobsSearch["items"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(0, bobsSearchForAlice.Total());
        Assert.Empty(bobsSearchForAlice.Titles());
    }

    [Fact]
    public async Task List_ignores_an_owner_named_in_the_query()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        await alice.AddNoteAsync("Alice's diary");

        var list = await bob.ListNotesAsync($"?userId={alice.Id}&ownerId={alice.Id}&sub={alice.Id}");

        Assert.Equal(0, list.Total());
        Assert.Empty(list.Titles());
    }

    [Fact]
    public async Task Every_note_of_one_user_is_404_to_another_on_get_put_and_delete()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var notes = new[] { await alice.AddNoteAsync("one"), await alice.AddNoteAsync("two") };

        foreach (var note in notes)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetNoteAsync(note.Id())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PutNoteAsync(note.Id(), new { title = "mine now" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.DeleteAsync($"/api/notes/{note.Id()}")).StatusCode);
        }

        Assert.Equal(["one", "two"], (await alice.ListNotesAsync("?sort=title&order=asc")).Titles());
        Assert.All((await alice.ListNotesAsync())["items"]!.AsArray(), n => Assert.Equal(1, n!.Version()));
    }
}
