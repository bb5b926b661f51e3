using MongoDB.Bson;

namespace Notes.Api.Tests.Features.Notes;

public sealed class PatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string ChangesNothing = "The patch changes nothing: send at least one of title, description, pinned, tags, archived, trashed.";

    static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Fact]
    public async Task Patch_of_the_title_trims_it_keeps_everything_else_raises_the_version_and_moves_updatedAt()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Draft", "kept words");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var response = await user.PatchNoteAsync(added.Id(), new { title = "  Final  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.ETagOf());
        var note = await response.JsonAsync();
        Assert.Equal("Final", note.Title());
        Assert.Equal("kept words", note["description"]!.GetValue<string>());
        Assert.Equal(2, note.Version());
        Assert.True(note.Time("updatedAt") > added.Time("updatedAt"));
        Assert.Equal(note.ToJsonString(), (await user.ReadNoteAsync(added.Id())).ToJsonString());
    }

    [Fact]
    public async Task Patch_of_the_description_keeps_the_title_and_moves_updatedAt()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept", "old words");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var note = await user.PatchedNoteAsync(added.Id(), new { description = "new words" });

        Assert.Equal("Kept", note.Title());
        Assert.Equal("new words", note["description"]!.GetValue<string>());
        Assert.True(note.Time("updatedAt") > added.Time("updatedAt"));
    }

    [Theory]
    [InlineData("pinned")]
    [InlineData("archived")]
    public async Task Patch_of_pinned_or_archived_sets_it_raises_the_version_and_leaves_updatedAt(string member)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("A note");
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var note = await user.PatchedNoteAsync(added.Id(), $$"""{"{{member}}":true}""");

        Assert.True(note[member]!.GetValue<bool>());
        Assert.Equal(2, note.Version());
        Assert.Equal(added.Time("updatedAt"), note.Time("updatedAt"));
        Assert.Equal("A note", note.Title());
    }

    [Fact]
    public async Task Patch_of_the_tags_replaces_them_normalised_in_the_order_first_given_and_moves_updatedAt()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Tagged");
        await user.PatchedNoteAsync(added.Id(), new { tags = new[] { "old" } });
        api.Clock.Advance(TimeSpan.FromMilliseconds(10));

        var note = await user.PatchedNoteAsync(added.Id(), new { tags = new[] { "Work", "été", "WORK", "work/Clients", "Работа", "ΟΔΟΣ", "काम" } });

        Assert.Equal(["work", "été", "work/clients", "работа", "οδοσ", "काम"], Tags(note));
        Assert.True(note.Time("updatedAt") > added.Time("updatedAt"));
    }

    [Fact]
    public async Task Patch_of_a_tag_in_NFD_is_the_same_tag_as_in_NFC()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Accents");
        var composed = "caf\u00e9";
        var decomposed = "cafe\u0301";

        var note = await user.PatchedNoteAsync(added.Id(), new { tags = new[] { decomposed, composed, decomposed.ToUpperInvariant() } });

        Assert.Equal([composed], Tags(note));
    }

    [Fact]
    public async Task Patch_with_null_members_sets_each_back_to_its_default()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept", "words");
        await user.PatchedNoteAsync(added.Id(), new { pinned = true, archived = true, tags = new[] { "a" }, trashed = true });

        var note = await user.PatchedNoteAsync(added.Id(), """{"description":null,"pinned":null,"tags":null,"archived":null,"trashed":null}""");

        Assert.Equal("Kept", note.Title());
        Assert.Equal("", note["description"]!.GetValue<string>());
        Assert.False(note["pinned"]!.GetValue<bool>());
        Assert.Empty(note["tags"]!.AsArray());
        Assert.False(note["archived"]!.GetValue<bool>());
        Assert.Null(note["trashedAt"]);
        Assert.Null(note["purgeAt"]);
        Assert.Equal(3, note.Version());
    }

    [Fact]
    public async Task Patch_with_a_null_title_returns_400_naming_the_title_and_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), """{"title":null}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["title"], problem.ErrorFields());
        Assert.Equal("Title is required.", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Theory]
    [InlineData("""{"title":"   "}""", "title")]
    [InlineData("""{"pinned":"yes"}""", "pinned")]
    [InlineData("""{"tags":"work"}""", "tags")]
    public async Task Patch_with_an_invalid_member_returns_400_naming_it(string patch, string named)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), patch);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([named], problem.ErrorFields());
        Assert.Equal(1, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Patch_accepts_a_200_character_title_and_a_100000_character_description_and_refuses_one_more_of_either()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        Assert.Equal(HttpStatusCode.OK, (await user.PatchNoteAsync(added.Id(), new { title = $" {new string('t', 200)} ", description = new string('d', 100_000) })).StatusCode);
        var longTitle = await (await user.PatchNoteAsync(added.Id(), new { title = $" {new string('t', 201)} " })).ProblemAsync(HttpStatusCode.BadRequest);
        var longDescription = await (await user.PatchNoteAsync(added.Id(), new { description = new string('d', 100_001) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], longTitle.ErrorFields());
        Assert.Equal(["description"], longDescription.ErrorFields());
        Assert.Equal(2, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Patch_with_a_bad_tag_returns_400_naming_the_tag_by_its_place()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), new { tags = new[] { "fine", "not fine" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["tags[1]"], problem.ErrorFields());
        Assert.Contains("not fine", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a\uFFFEb")]
    [InlineData("a\uFFFF")]
    public async Task Patch_with_a_tag_that_unicode_cannot_normalise_returns_400_naming_it(string tag)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), new { tags = new[] { tag } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["tags[0]"], problem.ErrorFields());
    }

    [Fact]
    public async Task Patch_keeps_text_that_unicode_cannot_normalise_as_sent_and_a_search_for_it_answers()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var note = await user.PatchedNoteAsync(added.Id(), new { title = "odd \uFFFE title" });

        Assert.Equal("odd \uFFFE title", note.Title());
        Assert.Equal(["odd \uFFFE title"], (await user.ListNotesAsync($"?search={Uri.EscapeDataString("odd \uFFFE")}")).Titles());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"foo":1}""")]
    [InlineData("""{"Version":5,"id":"0123456789abcdef01234567"}""")]
    public async Task Patch_with_no_known_member_returns_400_and_changes_nothing(string patch)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), patch);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(ChangesNothing, problem["detail"]!.GetValue<string>());
        Assert.Equal(1, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Patch_with_an_empty_body_returns_400()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), "");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(ChangesNothing, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ignores_unknown_members_beside_known_ones()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var note = await user.PatchedNoteAsync(added.Id(), """{"pinned":true,"colour":"red","ownerId":"0123456789abcdef01234567"}""");

        Assert.True(note["pinned"]!.GetValue<bool>());
        Assert.DoesNotContain("colour", note.ToJsonString());
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    public async Task Patch_accepts_a_merge_patch_and_plain_json(string contentType)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), new { pinned = true }, contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Patch_as_text_returns_415()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        var response = await user.PatchNoteAsync(added.Id(), """{"pinned":true}""", contentType: "text/plain");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(1, (await user.ReadNoteAsync(added.Id())).Version());
    }

    [Fact]
    public async Task Every_accepted_patch_raises_the_version_by_one_even_when_it_sets_what_is_already_there()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Kept");

        await user.PatchedNoteAsync(added.Id(), new { pinned = true });
        await user.PatchedNoteAsync(added.Id(), new { pinned = true });
        var note = await user.PatchedNoteAsync(added.Id(), new { title = "Kept" });

        Assert.Equal(4, note.Version());
    }

    [Fact]
    public async Task Patch_with_the_current_if_match_returns_200_and_with_star_too()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("v1");

        var current = await user.PatchNoteAsync(added.Id(), new { title = "v2" }, ifMatch: "\"1\"");
        var star = await user.PatchNoteAsync(added.Id(), new { title = "v3" }, ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.ETagOf());
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
        Assert.Equal("\"3\"", star.ETagOf());
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("garbage")]
    public async Task Patch_with_a_stale_or_unparseable_if_match_returns_412_and_changes_nothing(string ifMatch)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Original");
        await user.PatchedNoteAsync(added.Id(), new { title = "Second" });

        var response = await user.PatchNoteAsync(added.Id(), new { title = "Lost", pinned = true }, ifMatch);

        var problem = await response.ProblemAsync(HttpStatusCode.PreconditionFailed, "version_conflict");
        var note = await user.ReadNoteAsync(added.Id());
        Assert.Equal("Second", note.Title());
        Assert.False(note["pinned"]!.GetValue<bool>());
        Assert.Equal(2, note.Version());
        Assert.Equal(note.ToJsonString(), problem["current"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_of_a_missing_note_returns_404_even_with_if_match()
    {
        var user = await api.SignedInUserAsync();

        await (await user.PatchNoteAsync(ObjectId.GenerateNewId().ToString(), new { pinned = true })).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await user.PatchNoteAsync(ObjectId.GenerateNewId().ToString(), new { pinned = true }, "\"1\"")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Patch_of_another_users_note_returns_404_and_changes_nothing()
    {
        var owner = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        var note = await owner.AddNoteAsync("Mine");

        var response = await other.PatchNoteAsync(note.Id(), new { title = "Yours now", trashed = true });

        await response.ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(note.ToJsonString(), (await owner.ReadNoteAsync(note.Id())).ToJsonString());
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("0123456789abcdef012345678")]
    public async Task Patch_with_a_malformed_id_returns_404(string id)
    {
        var user = await api.SignedInUserAsync();

        await (await user.PatchNoteAsync(id, new { pinned = true })).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Trashing_sets_trashedAt_to_now_and_purgeAt_a_retention_later_and_leaves_updatedAt()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Going");
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var before = Millisecond(api.Clock.GetUtcNow());

        var note = await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        Assert.InRange(note.Time("trashedAt"), before, api.Clock.GetUtcNow());
        Assert.Equal(Retention, note.Time("purgeAt") - note.Time("trashedAt"));
        Assert.Equal(added.Time("updatedAt"), note.Time("updatedAt"));
        Assert.Equal(2, note.Version());
    }

    [Fact]
    public async Task Trashing_a_note_already_in_the_trash_keeps_its_dates()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Going");
        var trashed = await user.PatchedNoteAsync(added.Id(), new { trashed = true });
        api.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        Assert.Equal(trashed.Time("trashedAt"), again.Time("trashedAt"));
        Assert.Equal(trashed.Time("purgeAt"), again.Time("purgeAt"));
        Assert.Equal(3, again.Version());
    }

    [Fact]
    public async Task Restoring_clears_both_dates()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("Back");
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var note = await user.PatchedNoteAsync(added.Id(), new { trashed = false });

        Assert.Null(note["trashedAt"]);
        Assert.Null(note["purgeAt"]);
        Assert.Equal(added.Time("updatedAt"), note.Time("updatedAt"));
    }

    [Theory]
    [InlineData("""{"title":"Edited"}""")]
    [InlineData("""{"pinned":true}""")]
    [InlineData("""{"tags":["x"]}""")]
    [InlineData("""{"archived":true}""")]
    [InlineData("""{"trashed":true,"description":"edited"}""")]
    public async Task Patch_that_would_change_a_note_in_the_trash_without_restoring_it_returns_409_and_changes_nothing(string patch)
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("In the trash");
        var trashed = await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var response = await user.PatchNoteAsync(added.Id(), patch);

        await response.ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");
        Assert.Equal(trashed.ToJsonString(), (await user.ReadNoteAsync(added.Id())).ToJsonString());
    }

    [Fact]
    public async Task A_restoring_patch_may_change_the_note_too()
    {
        var user = await api.SignedInUserAsync();
        var added = await user.AddNoteAsync("In the trash");
        await user.PatchedNoteAsync(added.Id(), new { trashed = true });

        var note = await user.PatchedNoteAsync(added.Id(), new { trashed = false, title = "Back", pinned = true });

        Assert.Equal("Back", note.Title());
        Assert.True(note["pinned"]!.GetValue<bool>());
        Assert.Null(note["trashedAt"]);
        Assert.Equal(3, note.Version());
    }

    static string[] Tags(JsonNode note) => [.. note["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    // The API answers dates to the millisecond.
    static DateTimeOffset Millisecond(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
