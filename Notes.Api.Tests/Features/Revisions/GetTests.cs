namespace Notes.Api.Tests.Features.Revisions;

public sealed class GetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_revision_is_the_title_and_whole_description_of_that_version_and_when_it_was_written()
    {
        var user = await api.SignedInUserAsync();
        var description = string.Concat(Enumerable.Repeat("- [ ] a line of the old text\n", 1_000));
        var added = await user.AddNoteAsync("Old title", description);
        await user.PutNoteAsync(added.Id(), new { title = "New title", description = "new" });

        var response = await user.GetRevisionAsync(added.Id(), 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revision = await response.JsonAsync();
        Assert.Equal(["version", "title", "description", "savedAt"], revision.AsObject().Select(p => p.Key));
        Assert.Equal((1, "Old title", description), (revision.Version(), revision.Title(), revision["description"]!.GetValue<string>()));
        Assert.Equal(added.Time("updatedAt"), revision.Time("savedAt"));
    }

    [Theory]
    [InlineData(2)] // the note's own version: no revision of it
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task An_unknown_version_is_a_404_revision_not_found(int version)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });

        var problem = await (await user.GetRevisionAsync(added.Id(), version)).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal("Revision not found.", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("one")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public async Task A_version_that_is_no_number_is_a_404(string version)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");

        await (await user.GetRevisionAsync(added.Id(), version)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_of_a_note_in_the_trash_can_be_read()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        Assert.Equal("v1", (await (await user.GetRevisionAsync(added.Id(), 1)).JsonAsync()).Title());
    }

    [Fact]
    public async Task Another_user_s_note_s_revision_answers_like_a_missing_note()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var added = await owner.AddNoteAsync("private", "secret words");
        await owner.PutNoteAsync(added.Id(), new { title = "private, again" });

        var foreign = await other.GetRevisionAsync(added.Id(), 1);

        Assert.Equal("Note not found.", (await foreign.ProblemAsync(HttpStatusCode.NotFound, "not_found"))["detail"]!.GetValue<string>());
        Assert.DoesNotContain("secret", await foreign.Content.ReadAsStringAsync());
        await (await other.GetRevisionAsync("not-an-id", 1)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
