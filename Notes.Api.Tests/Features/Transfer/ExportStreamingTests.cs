using System.Text;
using MongoDB.Driver.Core.Events;
using Notes.Api.Entities;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Transfer;

/// <summary>
/// The export is sent as it is read: the client has the first batch of notes while the database has not yet been asked for the
/// next. The app's driver here holds every getMore of the notes until the test lets it go, so an export that waited for all the
/// notes before sending would send nothing, and the test's read would give up.
/// </summary>
public sealed class ExportStreamingTests(ExportStreamingTests.GatedApi api) : IClassFixture<ExportStreamingTests.GatedApi>
{
    /// <summary>The API on a client of its own, whose next-batch requests for the notes wait at a gate the test opens.</summary>
    public sealed class GatedApi : CommandWatchingApi
    {
        public Gate NextBatch { get; } = new();

        protected override void Watch(CommandStartedEvent e)
        {
            if (e.CommandName == "getMore" && e.DatabaseNamespace.DatabaseName == Database && e.Command["collection"] == CollectionNames.Notes)
                NextBatch.Pass();
        }
    }

    /// <summary>Shut until opened: whoever passes waits (on the driver's own thread, before the command is sent), and says it has come.</summary>
    public sealed class Gate
    {
        readonly ManualResetEventSlim _open = new(initialState: false);
        readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Pass()
        {
            _reached.TrySetResult();
            // Bounded, so a broken test cannot hold the driver forever.
            _open.Wait(TimeSpan.FromMinutes(2));
        }

        public void Open() => _open.Set();
    }

    // More than the export's batch of 100: the rest needs a getMore.
    const int NoteCount = 150;

    // Generous for a loaded machine: only reached when the export sends nothing until it has every note, which fails the test.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_first_notes_reach_the_client_before_the_database_is_asked_for_the_rest()
    {
        var user = await api.SignedInUserAsync();
        var ids = await SeedAsync(user);

        using var response = await user.Client.GetAsync("/api/export?format=json", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync();
        await api.NextBatch.Reached.WaitAsync(Patience);

        // The whole first batch arrives while the request for the second waits at the gate.
        var received = new StringBuilder();
        using (var patience = new CancellationTokenSource(Patience))
        {
            var buffer = new byte[4096];
            while (!received.ToString().Contains(ids[99], StringComparison.Ordinal))
            {
                var read = await body.ReadAsync(buffer, patience.Token);
                Assert.NotEqual(0, read);
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        Assert.StartsWith("{\"format\":\"notesslices\"", received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ids[100], received.ToString(), StringComparison.Ordinal);

        api.NextBatch.Open();
        received.Append(await new StreamReader(body).ReadToEndAsync());
        Assert.Equal(ids, JsonNode.Parse(received.ToString())!.Notes().Select(n => n.Id()));
    }

    /// <summary>The user's notes, written straight to the database in one insert, and their ids in the export's order.</summary>
    async Task<List<string>> SeedAsync(TestUser user)
    {
        var now = DateTime.UtcNow;
        var notes = Enumerable.Range(0, NoteCount).Select(i => new Note
        {
            OwnerId = user.Id,
            Title = $"note {i}",
            Description = $"seeded note {i}",
            SearchText = $"note {i}",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        await api.Mongo().GetCollection<Note>(CollectionNames.Notes).InsertManyAsync(notes);
        return [.. notes.Select(n => n.Id).Order(StringComparer.Ordinal)];
    }
}
