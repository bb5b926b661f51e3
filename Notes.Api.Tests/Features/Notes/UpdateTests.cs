using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

public sealed class UpdateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Update_returns_200_with_the_new_note_its_next_version_and_etag()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Draft", "first words");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var response = await user.PutNoteAsync(added.Id(), new { title = "  Final  ", description = "last words" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.ETagOf());
        var note = await response.JsonAsync();
        Assert.Equal(added.Id(), note.Id());
        Assert.Equal("Final", note.Title());
        Assert.Equal("last words", note["description"]!.GetValue<string>());
        Assert.Equal(2, note.Version());
        Assert.Equal(added.Time("createdAt"), note.Time("createdAt"));
        Assert.True(note.Time("updatedAt") > added.Time("updatedAt"));
    }

    [Fact]
    public async Task Update_is_what_a_later_get_returns()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Draft", "first words");

        var updated = await (await user.PutNoteAsync(added.Id(), new { title = "Final", description = (string?)null })).JsonAsync();

        var read = await user.GetNoteAsync(added.Id());
        Assert.Equal("\"2\"", read.ETagOf());
        var note = await read.JsonAsync();
        Assert.Equal(updated.ToJsonString(), note.ToJsonString());
        Assert.Equal("", note["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_with_the_current_if_match_returns_200()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");
        await user.PutNoteAsync(added.Id(), new { title = "v2" });

        var response = await user.PutNoteAsync(added.Id(), new { title = "v3" }, ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.ETagOf());
        Assert.Equal("v3", (await response.JsonAsync()).Title());
    }

    [Fact]
    public async Task Update_with_if_match_star_returns_200()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");

        var response = await user.PutNoteAsync(added.Id(), new { title = "v2" }, ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).Version());
    }

    [Fact]
    public async Task Update_with_stale_if_match_returns_412_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original", "kept");
        await user.PutNoteAsync(added.Id(), new { title = "Second", description = "kept too" });

        var response = await user.PutNoteAsync(added.Id(), new { title = "Lost update", description = "lost" }, ifMatch: "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var note = await user.ReadNoteAsync(added.Id());
        Assert.Equal("Second", note.Title());
        Assert.Equal("kept too", note["description"]!.GetValue<string>());
        Assert.Equal(2, note.Version());
    }

    [Fact]
    public async Task Update_with_stale_if_match_answers_the_note_as_it_is_now_as_current_in_the_shape_a_get_answers()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original", "first");
        await user.PatchedNoteAsync(added.Id(), new { title = "Second", tags = new[] { "kept" }, pinned = true });

        var response = await user.PutNoteAsync(added.Id(), new { title = "Lost update", description = "lost" }, ifMatch: "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        Assert.Equal((await user.ReadNoteAsync(added.Id())).ToJsonString(), problem["current"]!.ToJsonString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("W/\"1\"")]
    [InlineData("1")]
    [InlineData("\"01\"")]
    [InlineData("\"0\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"\"")]
    public async Task Update_with_an_unparseable_if_match_returns_412_and_changes_nothing(string ifMatch)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");

        var response = await user.PutNoteAsync(added.Id(), new { title = "Changed" }, ifMatch);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var note = await user.ReadNoteAsync(added.Id());
        Assert.Equal("Original", note.Title());
        Assert.Equal(1, note.Version());
    }

    [Fact]
    public async Task Update_without_if_match_lets_the_last_write_win()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");

        var first = await user.PutNoteAsync(added.Id(), new { title = "First writer" });
        var second = await user.PutNoteAsync(added.Id(), new { title = "Second writer" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var note = await user.ReadNoteAsync(added.Id());
        Assert.Equal("Second writer", note.Title());
        Assert.Equal(3, note.Version());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Update_with_a_blank_title_returns_400_naming_the_title_and_changes_nothing(string? title)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");

        var response = await user.PutNoteAsync(added.Id(), new { title, description = "x" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
        Assert.Equal(1, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Update_with_a_title_of_201_characters_after_trimming_returns_400_naming_the_title()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");

        var response = await user.PutNoteAsync(added.Id(), new { title = $" {new string('t', 201)} " });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
    }

    [Fact]
    public async Task Update_accepts_a_200_character_title_and_a_100000_character_description()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");
        var title = new string('t', 200);

        var response = await user.PutNoteAsync(added.Id(), new { title = $" {title} ", description = new string('d', 100_000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, (await response.JsonAsync()).Title());
    }

    [Fact]
    public async Task Update_with_a_description_of_100001_characters_returns_400_naming_the_description()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");

        var response = await user.PutNoteAsync(added.Id(), new { title = "Fine", description = new string('d', 100_001) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["description"], problem.ErrorFields());
        Assert.Equal("Original", (await user.ReadNoteAsync(added.Id())).Title());
    }

    [Fact]
    public async Task Update_ignores_owner_and_bookkeeping_fields_in_the_body()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var target = await owner.AddNoteAsync("Target");
        var bystander = await owner.AddNoteAsync("Bystander");

        var response = await owner.PutNoteAsync(target.Id(), new
        {
            title = "Renamed",
            ownerId = other.Id,
            userId = other.Id,
            id = bystander.Id(),
            version = 42,
            createdAt = "2000-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await owner.ReadNoteAsync(target.Id());
        Assert.Equal("Renamed", note.Title());
        Assert.Equal(2, note.Version());
        Assert.Equal(target.Time("createdAt"), note.Time("createdAt"));
        Assert.Equal("Bystander", (await owner.ReadNoteAsync(bystander.Id())).Title());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetNoteAsync(target.Id())).StatusCode);
    }

    [Fact]
    public async Task Update_of_a_note_in_the_trash_returns_409_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("In the trash");
        var trashed = await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var response = await user.PutNoteAsync(added.Id(), new { title = "Edited" });

        await response.ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");
        Assert.Equal(trashed.ToJsonString(), (await user.ReadNoteAsync(added.Id())).ToJsonString());
    }

    [Fact]
    public async Task Update_of_a_missing_note_returns_404_problem()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.PutNoteAsync(ObjectId.GenerateNewId().ToString(), new { title = "Ghost" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_of_a_missing_note_with_if_match_returns_404_not_412()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.PutNoteAsync(ObjectId.GenerateNewId().ToString(), new { title = "Ghost" }, ifMatch: "\"1\"");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("123")]
    [InlineData("0123456789abcdef012345678")]
    public async Task Update_with_a_malformed_id_returns_404_problem(string id)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.PutNoteAsync(id, new { title = "Ghost" });

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
