using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Notes;

/// <summary>Notes stored before pins, tags, the archive and the trash existed, as the upgrade at start-up finds them.</summary>
public sealed class StoredNotesUpgradeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_note_stored_before_reads_as_unpinned_untagged_in_use_and_outside_the_trash_and_search_finds_it_after_the_upgrade()
    {
        var user = await api.SignedInUserAsync();
        var id = await StoreAsBeforeAsync(user, "Über den Wolken", "Straße");

        await UpgradeAsync();

        var note = await user.ReadNoteAsync(id);
        Assert.False(note["pinned"]!.GetValue<bool>());
        Assert.Empty(note["tags"]!.AsArray());
        Assert.False(note["archived"]!.GetValue<bool>());
        Assert.Null(note["trashedAt"]);
        Assert.Equal(1, note.Version());
        Assert.Equal(["Über den Wolken"], (await user.ListNotesAsync("?search=uber")).Titles());
        Assert.Equal(["Über den Wolken"], (await user.ListNotesAsync("?search=strasse")).Titles());
    }

    [Fact]
    public async Task The_upgrade_leaves_notes_stored_by_this_version_as_they_are_and_a_second_run_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        var current = await user.Client.PostAsJsonAsync("/api/notes", new { title = "current", pinned = true, tags = new[] { "kept" } });
        var before = await (await user.GetNoteAsync((await current.JsonAsync()).Id())).Content.ReadAsStringAsync();
        await StoreAsBeforeAsync(user, "older", "");

        await UpgradeAsync();
        await UpgradeAsync();

        Assert.Equal(before, await (await user.GetNoteAsync((await current.JsonAsync()).Id())).Content.ReadAsStringAsync());
        Assert.Equal(["current", "older"], (await user.ListNotesAsync()).Titles());
    }

    async Task<string> StoreAsBeforeAsync(TestUser user, string title, string description)
    {
        var now = DateTime.UtcNow;
        var id = ObjectId.GenerateNewId();
        await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Notes).InsertOneAsync(new BsonDocument
        {
            { "_id", id }, { "ownerId", ObjectId.Parse(user.Id) }, { "title", title }, { "description", description },
            { "createdAt", now }, { "updatedAt", now }, { "version", 1 },
        });
        return id.ToString();
    }

    Task UpgradeAsync() =>
        api.Services.GetServices<IHostedService>().OfType<StoredNotesUpgrade>().Single().StartAsync(CancellationToken.None);
}
