using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

public sealed class AddTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Add_returns_201_with_the_note_and_its_location()
    {
        var user = await api.SignedInUserAsync();
        var before = api.Clock.GetUtcNow().AddSeconds(-1);

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Groceries", description = "milk, eggs" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var note = await response.JsonAsync();
        Assert.Matches("^[0-9a-f]{24}$", note.Id());
        Assert.Equal($"/api/notes/{note.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Groceries", note.Title());
        Assert.Equal("milk, eggs", note["description"]!.GetValue<string>());
        Assert.Equal(1, note.Version());
        Assert.InRange(note.Time("createdAt"), before, api.Clock.GetUtcNow().AddSeconds(1));
        Assert.Equal(note.Time("createdAt"), note.Time("updatedAt"));
        Assert.Equal(["id", "title", "description", "pinned", "tags", "archived", "trashedAt", "purgeAt", "createdAt", "updatedAt", "version"], note.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Added_note_can_be_read_back_at_its_location()
    {
        var user = await api.SignedInUserAsync();
        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Read me", description = "back" });
        var added = await response.JsonAsync();

        var read = await user.Client.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(added.ToJsonString(), (await read.JsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task Add_stores_and_returns_the_title_trimmed()
    {
        var user = await api.SignedInUserAsync();

        var added = await user.AddNoteAsync("  \t Trim me \n ");

        Assert.Equal("Trim me", added.Title());
        Assert.Equal("Trim me", (await user.ReadNoteAsync(added.Id())).Title());
    }

    [Fact]
    public async Task Add_with_a_null_or_missing_description_stores_an_empty_one()
    {
        var user = await api.SignedInUserAsync();

        var withNull = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Null", description = (string?)null });
        var withoutField = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Missing" });

        foreach (var response in new[] { withNull, withoutField })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.JsonAsync()).Id();
            Assert.Equal("", (await user.ReadNoteAsync(id))["description"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \t\n ")]
    [InlineData(null)]
    public async Task Add_with_a_blank_title_returns_400_naming_the_title(string? title)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title, description = "body" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
    }

    [Fact]
    public async Task Add_without_a_title_field_returns_400_naming_the_title()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { description = "no title" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
    }

    [Fact]
    public async Task Add_with_a_title_of_201_characters_after_trimming_returns_400_naming_the_title()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = $" {new string('t', 201)} " });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem.ErrorFields());
    }

    [Fact]
    public async Task Add_accepts_a_title_of_200_characters_after_trimming()
    {
        var user = await api.SignedInUserAsync();
        var title = new string('t', 200);

        var added = await user.AddNoteAsync($"   {title}   ");

        Assert.Equal(title, added.Title());
    }

    [Fact]
    public async Task Add_with_a_description_of_100001_characters_returns_400_naming_the_description()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "Long", description = new string('d', 100_001) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["description"], problem.ErrorFields());
    }

    [Fact]
    public async Task Add_accepts_a_description_of_100000_characters()
    {
        var user = await api.SignedInUserAsync();
        var description = new string('d', 100_000);

        var added = await user.AddNoteAsync("Long enough", description);

        Assert.Equal(description, (await user.ReadNoteAsync(added.Id()))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_with_a_bad_title_and_description_names_both_fields()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = " ", description = new string('d', 100_001) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["description", "title"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task Add_ignores_owner_and_bookkeeping_fields_in_the_body()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var chosenId = ObjectId.GenerateNewId().ToString();

        var response = await owner.Client.PostAsJsonAsync("/api/notes", new
        {
            title = "Mine",
            description = "",
            ownerId = other.Id,
            userId = other.Id,
            id = chosenId,
            version = 42,
            createdAt = "2000-01-01T00:00:00Z",
            updatedAt = "2000-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var note = await response.JsonAsync();
        Assert.NotEqual(chosenId, note.Id());
        Assert.Equal(1, note.Version());
        Assert.True(note.Time("createdAt") > api.Clock.GetUtcNow().AddMinutes(-5));
        Assert.True(note.Time("updatedAt") > api.Clock.GetUtcNow().AddMinutes(-5));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetNoteAsync(note.Id())).StatusCode);
        Assert.Equal(0, (await other.ListNotesAsync()).Total());
        Assert.Equal(["Mine"], (await owner.ListNotesAsync()).Titles());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetNoteAsync(chosenId)).StatusCode);
    }

    [Fact]
    public async Task Add_without_a_token_returns_401()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/notes", new { title = "Anonymous" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Add_without_the_new_fields_gives_a_note_unpinned_untagged_in_use_and_outside_the_trash()
    {
        var user = await api.SignedInUserAsync();

        var note = await user.AddNoteAsync("plain");

        Assert.False(note["pinned"]!.GetValue<bool>());
        Assert.Empty(note["tags"]!.AsArray());
        Assert.False(note["archived"]!.GetValue<bool>());
        Assert.Null(note["trashedAt"]);
        Assert.Null(note["purgeAt"]);
    }

    [Fact]
    public async Task Add_keeps_pinned_and_archived_and_normalises_tags_in_the_order_first_given()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new
        {
            title = "organised",
            pinned = true,
            archived = true,
            // NFD "é" and NFC "é" are one tag, as are letter cases; Greek and Japanese are letters too.
            tags = new[] { "Work/Clients", "caf\u0065\u0301", "WORK/clients", "café", "δουλειά", "仕事", "to-do_2" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var note = await response.JsonAsync();
        Assert.True(note["pinned"]!.GetValue<bool>());
        Assert.True(note["archived"]!.GetValue<bool>());
        Assert.Equal(["work/clients", "café", "δουλειά", "仕事", "to-do_2"], note["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(note.ToJsonString(), (await user.ReadNoteAsync(note.Id())).ToJsonString());
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("/work")]
    [InlineData("work/")]
    [InlineData("work//clients")]
    [InlineData("")]
    [InlineData("a-tag-of-thirty-three-characterss")]
    [InlineData("emoji🙂")]
    [InlineData("#hash")]
    public async Task Add_with_a_bad_tag_is_a_400_naming_it_and_adds_nothing(string tag)
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "tagged", tags = new[] { "fine", tag } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["tags[1]"], problem.ErrorFields());
        Assert.Contains($"\"{tag}\"", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task Add_takes_20_tags_and_refuses_21_after_duplicates_collapse()
    {
        var user = await api.SignedInUserAsync();
        var twenty = Enumerable.Range(1, 20).Select(i => $"tag{i}").ToArray();

        var accepted = await user.Client.PostAsJsonAsync("/api/notes", new { title = "twenty", tags = twenty.Append("TAG1").ToArray() });
        var refused = await user.Client.PostAsJsonAsync("/api/notes", new { title = "twenty-one", tags = twenty.Append("tag21").ToArray() });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(["tags"], (await refused.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task Add_with_a_tag_holding_a_noncharacter_unicode_cannot_normalise_is_400_naming_it()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "t", tags = new[] { "ok", "a\uFFFEb" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["tags[1]"], problem.ErrorFields());
    }
}
