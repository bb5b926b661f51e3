using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

public sealed class DeleteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Delete_returns_204_and_the_note_is_gone()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Doomed");
        var kept = await user.AddNoteAsync("Kept");

        var response = await user.Client.DeleteAsync($"/api/notes/{note.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await (await user.GetNoteAsync(note.Id())).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["Kept"], (await user.ListNotesAsync()).Titles());
        Assert.Equal(HttpStatusCode.OK, (await user.GetNoteAsync(kept.Id())).StatusCode);
    }

    [Fact]
    public async Task Delete_of_an_already_deleted_note_returns_404_problem()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Doomed");
        await user.Client.DeleteAsync($"/api/notes/{note.Id()}");

        var again = await user.Client.DeleteAsync($"/api/notes/{note.Id()}");

        await again.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_of_a_deleted_note_returns_404_problem()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Doomed");
        await user.Client.DeleteAsync($"/api/notes/{note.Id()}");

        var response = await user.PutNoteAsync(note.Id(), new { title = "Revived" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task Delete_of_a_missing_note_returns_404_problem()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.DeleteAsync($"/api/notes/{ObjectId.GenerateNewId()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("123")]
    [InlineData("0123456789abcdef012345678")]
    public async Task Delete_with_a_malformed_id_returns_404_problem(string id)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.DeleteAsync($"/api/notes/{id}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_without_a_token_returns_401_and_keeps_the_note()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Kept");

        var response = await api.CreateClient().DeleteAsync($"/api/notes/{note.Id()}");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await user.GetNoteAsync(note.Id())).StatusCode);
    }
}
