using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

public sealed class GetTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Get_returns_200_with_the_note_and_its_version_as_etag()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Read me", "all of me");

        var response = await user.GetNoteAsync(added.Id());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.ETagOf());
        var note = await response.JsonAsync();
        Assert.Equal(added.ToJsonString(), note.ToJsonString());
        Assert.Equal("all of me", note["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_of_a_missing_note_returns_404_problem()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.GetNoteAsync(ObjectId.GenerateNewId().ToString());

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("123")]
    [InlineData("0123456789abcdef012345678")] // 25 hex digits
    [InlineData("0123456789abcdef0123456")] // 23 hex digits
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzz")] // 24 characters, not hex
    [InlineData("%7B%22%24ne%22%3Anull%7D")] // {"$ne":null}
    public async Task Get_with_a_malformed_id_returns_404_problem_not_500(string id)
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("Exists");

        var response = await user.GetNoteAsync(id);

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Get_of_another_users_note_returns_the_same_404_as_a_missing_note()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var note = await owner.AddNoteAsync("Private");

        var foreign = await (await other.GetNoteAsync(note.Id())).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await other.GetNoteAsync(ObjectId.GenerateNewId().ToString())).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(missing["title"]?.ToJsonString(), foreign["title"]?.ToJsonString());
        Assert.Equal(missing["detail"]?.ToJsonString(), foreign["detail"]?.ToJsonString());
        Assert.DoesNotContain("Private", foreign.ToJsonString());
    }

    [Fact]
    public async Task Get_without_a_token_returns_401()
    {
        var owner = await api.SignedInUserAsync();
        var note = await owner.AddNoteAsync("Private");

        var response = await api.CreateClient().GetAsync($"/api/notes/{note.Id()}");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
