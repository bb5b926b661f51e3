using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using Notes.Api.Entities;
using Notes.Api.Features.Notes;

namespace Notes.Api.Tests.Features.Notes;

public sealed class TrashPurgeTests(TrashPurgeTests.Api api) : IClassFixture<TrashPurgeTests.Api>
{
    /// <summary>
    /// A trash that keeps notes two seconds (sessions and tokens live by clocks a test cannot move by days), users who keep two
    /// notes, and no purge job of the app's own, so that nothing removes a note before the test runs its job.
    /// </summary>
    public sealed class Api : ApiFactory
    {
        protected override Dictionary<string, string> Settings =>
            new(base.Settings) { ["Notes:TrashRetention"] = "00:00:02", ["Notes:MaxNotesPerUser"] = "2" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var job in services.Where(s => s.ImplementationType == typeof(TrashPurge)).ToList())
                    services.Remove(job);
            });
        }
    }

    static readonly TimeSpan PastRetention = TimeSpan.FromSeconds(3);

    IMongoCollection<Note> Notes => api.Service<IMongoCollection<Note>>();

    /// <summary>The job as another instance of the API runs it.</summary>
    TrashPurge Job() => new(new NoteRemoval(Notes, api.Service<IMongoCollection<Revision>>(), api.Service<IMongoCollection<Share>>()), api.Clock, NullLogger<TrashPurge>.Instance);

    [Fact]
    public async Task A_note_past_its_purge_date_is_out_of_reach_everywhere_before_the_job_removes_it()
    {
        var user = await api.SignedInUserAsync();
        var kept = await user.AddNoteAsync("Kept");
        var due = await user.AddNoteAsync("Due");
        await user.PatchedNoteAsync(due.Id(), new { trashed = true });
        Assert.Equal(1, (await user.ListNotesAsync("?view=trash")).Total());

        api.Clock.Advance(PastRetention);

        await (await user.GetNoteAsync(due.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var trash = await user.ListNotesAsync("?view=trash");
        Assert.Empty(trash.Titles());
        Assert.Equal(0, trash.Total());
        Assert.Equal(["Kept"], (await user.ListNotesAsync()).Titles());
        await (await user.PatchNoteAsync(due.Id(), new { trashed = false })).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await user.Client.DeleteAsync($"/api/notes/{due.Id()}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, (await (await user.Client.DeleteAsync("/api/trash")).JsonAsync())["deleted"]!.GetValue<long>());
        Assert.Equal(1, await Notes.CountDocumentsAsync(n => n.Id == due.Id())); // still stored: only out of reach
        Assert.Equal(HttpStatusCode.OK, (await user.GetNoteAsync(kept.Id())).StatusCode);
    }

    [Fact]
    public async Task A_note_past_its_purge_date_no_longer_counts_towards_the_quota()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("One");
        var due = await user.AddNoteAsync("Two");
        await user.PatchedNoteAsync(due.Id(), new { trashed = true });
        await (await user.Client.PostAsJsonAsync("/api/notes", new { title = "Three" })).ProblemAsync(HttpStatusCode.Conflict, "quota_reached");

        api.Clock.Advance(PastRetention);

        Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync("/api/notes", new { title = "Three" })).StatusCode);
    }

    [Fact]
    public async Task The_job_removes_every_users_due_notes_batch_after_batch_and_no_other()
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var owners = new[] { ObjectId.GenerateNewId().ToString(), ObjectId.GenerateNewId().ToString() };
        var due = Enumerable.Range(0, 2 * NoteRemoval.BatchSize + 1).Select(i => Stored(owners[i % 2], purgeAt: now.AddSeconds(-1))).ToList();
        var kept = owners.SelectMany(owner => new[] { Stored(owner, purgeAt: now.AddHours(1)), Stored(owner, purgeAt: null) }).ToList();
        await Notes.InsertManyAsync([.. due, .. kept]);

        var purged = await Job().PurgeDueAsync(CancellationToken.None);

        Assert.InRange(purged, due.Count, long.MaxValue); // and any due note another test left
        Assert.Equal(0, await Notes.CountDocumentsAsync(Builders<Note>.Filter.Lte(n => n.PurgeAt, now)));
        Assert.Equal(kept.Select(n => n.Id).Order(), (await Notes.Find(n => owners.Contains(n.OwnerId)).ToListAsync()).Select(n => n.Id).Order());
    }

    [Fact]
    public async Task The_job_removes_the_revisions_of_the_notes_it_purges_and_keeps_those_of_the_notes_it_keeps()
    {
        var user = await api.SignedInUserAsync();
        var due = await user.AddNoteAsync("Due");
        var kept = await user.AddNoteAsync("Kept");
        foreach (var id in new[] { due.Id(), kept.Id() })
            await user.PutNoteAsync(id, new { title = "again" });
        await user.PatchedNoteAsync(due.Id(), new { trashed = true });
        api.Clock.Advance(PastRetention);

        await Job().PurgeDueAsync(CancellationToken.None);

        var revisions = api.Service<IMongoCollection<Revision>>();
        Assert.Equal(0, await revisions.CountDocumentsAsync(r => r.NoteId == due.Id()));
        Assert.Equal(1, await revisions.CountDocumentsAsync(r => r.NoteId == kept.Id()));
    }

    [Fact]
    public async Task Two_jobs_at_once_remove_each_due_note_once_and_no_other()
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var owner = ObjectId.GenerateNewId().ToString();
        var due = Enumerable.Range(0, 30).Select(_ => Stored(owner, purgeAt: now.AddSeconds(-1))).ToList();
        var kept = Stored(owner, purgeAt: now.AddHours(1));
        await Notes.InsertManyAsync([.. due, kept]);

        var purged = await Task.WhenAll(Job().PurgeDueAsync(CancellationToken.None), Job().PurgeDueAsync(CancellationToken.None));

        Assert.InRange(purged.Sum(), due.Count, long.MaxValue);
        Assert.Equal([kept.Id], (await Notes.Find(n => n.OwnerId == owner).ToListAsync()).Select(n => n.Id));
    }

    static Note Stored(string ownerId, DateTime? purgeAt) => new()
    {
        OwnerId = ownerId,
        Title = "stored",
        Description = "",
        SearchText = "stored",
        TrashedAt = purgeAt?.AddSeconds(-2),
        PurgeAt = purgeAt,
    };
}
