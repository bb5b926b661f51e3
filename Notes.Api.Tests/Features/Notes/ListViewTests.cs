using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Notes;

/// <summary>The list's views (in use, archived, trash), its tag filter, and pinned notes first.</summary>
public sealed class ListViewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_default_view_shows_the_notes_neither_archived_nor_in_the_trash_pinned_first()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, new { title = "plain, older" });
        await AddAsync(user, new { title = "pinned", pinned = true });
        await AddAsync(user, new { title = "archived", archived = true });
        await TrashAsync(await AddAsync(user, new { title = "trashed" }));
        await AddAsync(user, new { title = "plain, newer" });

        var list = await user.ListNotesAsync();

        Assert.Equal(["pinned", "plain, newer", "plain, older"], list.Titles());
        Assert.Equal(3, list.Total());
        Assert.Equal(list.ToJsonString(), (await user.ListNotesAsync("?view=active")).ToJsonString());
    }

    [Theory]
    [InlineData("?sort=title&order=asc", new[] { "pinned b", "pinned c", "a", "d" })]
    [InlineData("?sort=title&order=desc", new[] { "pinned c", "pinned b", "d", "a" })]
    [InlineData("?sort=createdAt&order=asc", new[] { "pinned c", "pinned b", "d", "a" })]
    public async Task Pinned_notes_come_first_in_any_sort_then_the_sort_orders_each_group(string query, string[] expected)
    {
        var user = await api.SignedInUserAsync();
        foreach (var (title, pinned) in new[] { ("pinned c", true), ("d", false), ("pinned b", true), ("a", false) })
        {
            await AddAsync(user, new { title, pinned });
            api.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(expected, (await user.ListNotesAsync(query)).Titles());
    }

    [Fact]
    public async Task The_archive_view_shows_only_archived_notes_outside_the_trash_pinned_first()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, new { title = "in use" });
        await AddAsync(user, new { title = "archived", archived = true });
        await AddAsync(user, new { title = "archived and pinned", archived = true, pinned = true });
        await TrashAsync(await AddAsync(user, new { title = "archived, then trashed", archived = true }));

        var list = await user.ListNotesAsync("?view=archived");

        Assert.Equal(["archived and pinned", "archived"], list.Titles());
        Assert.Equal(2, list.Total());
    }

    [Fact]
    public async Task The_trash_view_shows_the_trashed_notes_newest_trashed_first_with_their_purge_dates()
    {
        var user = await api.SignedInUserAsync();
        var first = await AddAsync(user, new { title = "trashed first, pinned", pinned = true });
        var second = await AddAsync(user, new { title = "trashed second", archived = true });
        await AddAsync(user, new { title = "in use" });
        await TrashAsync(first, minutesAgo: 2);
        await TrashAsync(second, minutesAgo: 1);

        var list = await user.ListNotesAsync("?view=trash");

        Assert.Equal(["trashed second", "trashed first, pinned"], list.Titles());
        var newest = list["items"]![0]!;
        Assert.Equal(newest.Time("trashedAt").AddDays(30), newest.Time("purgeAt"));
        Assert.Equal(["trashed first, pinned", "trashed second"], (await user.ListNotesAsync("?view=trash&order=asc")).Titles());
        Assert.Equal(["trashed first, pinned", "trashed second"], (await user.ListNotesAsync("?view=trash&sort=title&order=asc")).Titles());
    }

    [Fact]
    public async Task A_tag_finds_the_notes_carrying_it_or_a_tag_nested_below_it_in_any_letter_case()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, new { title = "work", tags = new[] { "work" } });
        await AddAsync(user, new { title = "clients", tags = new[] { "home", "Work/Clients" } });
        await AddAsync(user, new { title = "workshop", tags = new[] { "workshop" } });
        await AddAsync(user, new { title = "untagged" });

        Assert.Equal(["clients", "work"], (await user.ListNotesAsync("?tag=work")).Titles());
        Assert.Equal(["clients", "work"], (await user.ListNotesAsync("?tag=WORK")).Titles());
        Assert.Equal(["clients"], (await user.ListNotesAsync("?tag=work/clients")).Titles());
        Assert.Empty((await user.ListNotesAsync("?tag=clients")).Titles());
    }

    [Fact]
    public async Task Tag_and_search_work_in_every_view()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, new { title = "Plan in use", tags = new[] { "trip" } });
        await AddAsync(user, new { title = "Plan archived", tags = new[] { "trip" }, archived = true });
        await TrashAsync(await AddAsync(user, new { title = "Plan trashed", tags = new[] { "trip" } }));
        await AddAsync(user, new { title = "Plan untagged" });

        Assert.Equal(["Plan in use"], (await user.ListNotesAsync("?tag=trip&search=plan")).Titles());
        Assert.Equal(["Plan archived"], (await user.ListNotesAsync("?view=archived&tag=trip&search=PLAN")).Titles());
        Assert.Equal(["Plan trashed"], (await user.ListNotesAsync("?view=trash&tag=trip&search=plan")).Titles());
    }

    [Theory]
    [InlineData("?view=deleted", "view")]
    [InlineData("?tag=not%20a%20tag", "tag")]
    [InlineData("?tag=/work", "tag")]
    public async Task A_list_with_an_unknown_view_or_an_invalid_tag_is_a_400_naming_it(string query, string field)
    {
        var user = await api.SignedInUserAsync();

        var problem = await (await user.Client.GetAsync($"/api/notes{query}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([field], problem.ErrorFields());
    }

    static async Task<JsonNode> AddAsync(TestUser user, object note)
    {
        var response = await user.Client.PostAsJsonAsync("/api/notes", note);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Puts a note in the trash as the trash does, at the app's time or some minutes before it.</summary>
    async Task TrashAsync(JsonNode note, int minutesAgo = 0)
    {
        var now = api.Clock.UtcNowForMongo().AddMinutes(-minutesAgo);
        var update = Builders<BsonDocument>.Update.Set("trashedAt", now).Set("purgeAt", now.AddDays(30));
        await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Notes).UpdateOneAsync(new BsonDocument("_id", ObjectId.Parse(note.Id())), update);
    }
}
