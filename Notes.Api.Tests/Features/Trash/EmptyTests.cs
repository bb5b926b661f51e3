namespace Notes.Api.Tests.Features.Trash;

public sealed class EmptyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Emptying_the_trash_deletes_the_callers_notes_in_the_trash_and_answers_how_many()
    {
        var user = await api.SignedInUserAsync();
        var active = await user.AddNoteAsync("Active");
        var archived = await user.AddNoteAsync("Archived");
        await user.PatchedNoteAsync(archived.Id(), new { archived = true });
        var trashed = new[] { await user.AddNoteAsync("Trashed"), await user.AddNoteAsync("Archived, then trashed") };
        await user.PatchedNoteAsync(trashed[0].Id(), new { trashed = true });
        await user.PatchedNoteAsync(trashed[1].Id(), new { archived = true, trashed = true });

        var response = await user.Client.DeleteAsync("/api/trash");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"deleted":2}""", (await response.JsonAsync()).ToJsonString());
        foreach (var note in trashed)
            await (await user.GetNoteAsync(note.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await user.GetNoteAsync(active.Id())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetNoteAsync(archived.Id())).StatusCode);
    }

    [Fact]
    public async Task Emptying_an_empty_trash_answers_0()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("Active");

        var response = await user.Client.DeleteAsync("/api/trash");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync())["deleted"]!.GetValue<long>());
    }

    [Fact]
    public async Task Emptying_the_trash_leaves_another_users_trash_alone()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var theirs = await other.AddNoteAsync("Theirs, in the trash");
        await other.PatchedNoteAsync(theirs.Id(), new { trashed = true });

        var response = await user.Client.DeleteAsync("/api/trash");

        Assert.Equal(0, (await response.JsonAsync())["deleted"]!.GetValue<long>());
        Assert.Equal(1, (await other.ListNotesAsync("?view=trash")).Total());
    }
}
