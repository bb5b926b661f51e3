using System.Collections.Concurrent;
using System.Diagnostics;
using Notes.Api.Entities;
using Notes.Api.Features.Notes;
using Xunit.Abstractions;

namespace Notes.Api.Tests.Reliability;

/// <summary>
/// Many users writing at once, through the in-memory test server: whether a write is lost is decided by the app and the
/// database, not by sockets, and the in-memory client spares a shared two-core machine thousands of loopback connections.
/// (The real process and its sockets are exercised by the graceful shutdown test.)
/// </summary>
[Trait("Category", "Slow")]
public sealed class NoLostWritesTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    const int UserCount = 50;
    const int NotesEach = 10;
    const int MixedStepsEach = 30;
    const int InFlight = 20;
    const int Seed = 20_260_101;

    /// <summary>Steps not started by then are skipped; what did run is still checked in full.</summary>
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    enum Kind { Create, Update, Delete }

    /// <summary>One planned call: whose, what, and which of that user's notes (a number taken modulo how many they have by then).</summary>
    sealed record Step(int Number, int User, Kind Kind, int Target);

    /// <summary>A call's answer: the note it concerned and, when it succeeded, the version and content the answer holds.</summary>
    sealed record Outcome(Step Step, string NoteId, HttpStatusCode Status, int Version, string Title, string Description);

    /// <summary>What one user's client knows: the notes it created, and the newest version it has seen of each.</summary>
    sealed class Writer(TestUser user)
    {
        readonly List<string> _created = [];
        readonly ConcurrentDictionary<string, int> _seen = new();

        public TestUser User => user;

        public void Saw(string id, int version)
        {
            lock (_created)
            {
                if (!_seen.ContainsKey(id))
                    _created.Add(id);
            }
            _seen.AddOrUpdate(id, version, (_, known) => Math.Max(known, version));
        }

        public (string Id, int Version)? Pick(int target)
        {
            lock (_created)
            {
                if (_created.Count == 0)
                    return null;
                var id = _created[target % _created.Count];
                return (id, _seen[id]);
            }
        }
    }

    [Fact]
    public async Task Under_concurrent_creates_updates_and_deletes_every_acknowledged_write_is_kept_and_nothing_else()
    {
        output.WriteLine($"Seed {Seed}: {UserCount} users, {NotesEach} notes each, then {MixedStepsEach} mixed steps each, {InFlight} in flight");
        var random = new Random(Seed);
        var writers = new Writer[UserCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, UserCount), new ParallelOptions { MaxDegreeOfParallelism = 10 },
            async (i, _) => writers[i] = new Writer(await api.SignedInUserAsync()));

        var outcomes = new ConcurrentBag<Outcome>();
        var durations = new ConcurrentBag<TimeSpan>();
        var clock = Stopwatch.StartNew();
        foreach (var phase in Plan(random))
        {
            await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (step, _) =>
            {
                if (clock.Elapsed > Deadline)
                    return;
                var call = Stopwatch.StartNew();
                if (await RunAsync(step, writers[step.User]) is { } outcome)
                    outcomes.Add(outcome);
                durations.Add(call.Elapsed);
            });
        }

        var sorted = durations.Order().ToArray();
        output.WriteLine($"{outcomes.Count} calls in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"median {sorted[sorted.Length / 2].TotalMilliseconds:F0} ms, 99th percentile {sorted[sorted.Length * 99 / 100].TotalMilliseconds:F0} ms, slowest {sorted[^1].TotalMilliseconds:F0} ms");
        foreach (var group in outcomes.GroupBy(o => (o.Step.Kind, o.Status)).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key.Kind} {(int)group.Key.Status}: {group.Count()}");

        Assert.DoesNotContain(outcomes, o => (int)o.Status >= 500);
        Assert.All(outcomes, o => Assert.Contains(o.Status, Expected(o.Step.Kind)));
        Assert.Contains(outcomes, o => o.Status == HttpStatusCode.PreconditionFailed); // updates did race
        for (var i = 0; i < UserCount; i++)
            await AssertKeptExactlyAsync(writers[i], [.. outcomes.Where(o => o.Step.User == i)]);
    }

    /// <summary>The user's notes, read from MongoDB and through the API, are the acknowledged writes and nothing else.</summary>
    async Task AssertKeptExactlyAsync(Writer writer, Outcome[] outcomes)
    {
        var created = outcomes.Where(o => o.Status == HttpStatusCode.Created).ToDictionary(o => o.NoteId);
        var deleted = outcomes.Where(o => o.Step.Kind == Kind.Delete && o.Status == HttpStatusCode.NoContent).Select(o => o.NoteId).ToHashSet();
        // A note is missing only once a delete of it succeeded (perhaps a concurrent one).
        Assert.All(outcomes.Where(o => o.Status == HttpStatusCode.NotFound), o => Assert.Contains(o.NoteId, deleted));

        var stored = await api.Service<IMongoCollection<Note>>().Find(n => n.OwnerId == writer.User.Id).ToListAsync();
        Assert.Equal(created.Keys.Except(deleted).Order(), stored.Select(n => n.Id).Order());
        foreach (var note in stored)
        {
            var updates = outcomes.Where(o => o.NoteId == note.Id && o.Step.Kind == Kind.Update && o.Status == HttpStatusCode.OK).ToArray();
            // Each version was answered to exactly one writer, and the note holds the last of them, title and description alike.
            Assert.Equal(Enumerable.Range(2, updates.Length), updates.Select(o => o.Version).Order());
            Assert.Equal(1 + updates.Length, note.Version);
            var last = updates.MaxBy(o => o.Version) ?? created[note.Id];
            Assert.Equal((last.Title, last.Description), (note.Title, note.Description));
        }

        var listed = await writer.User.ListNotesAsync($"?pageSize={Paging.MaxPageSize}");
        Assert.Equal(stored.Count, listed.Total());
        Assert.Equal(
            stored.Select(n => (n.Id, n.Title, n.Description, n.Version)).Order(),
            listed["items"]!.AsArray().Select(n => n!).Select(n => (n.Id(), n.Title(), n["description"]!.GetValue<string>(), n.Version())).Order());
    }

    /// <summary>Each user's first notes, then a seeded mix in bursts of up to five calls on one note of one user, which run together.</summary>
    static IEnumerable<Step[]> Plan(Random random)
    {
        var number = 0;
        yield return [.. Enumerable.Range(0, NotesEach).SelectMany(_ => Enumerable.Range(0, UserCount)).Select(user => new Step(number++, user, Kind.Create, 0))];

        var mix = new List<Step>();
        while (mix.Count < UserCount * MixedStepsEach)
        {
            var (user, target) = (random.Next(UserCount), random.Next(int.MaxValue));
            for (var burst = random.Next(1, 6); burst > 0; burst--)
            {
                var roll = random.NextDouble();
                mix.Add(new Step(number++, user, roll < 0.2 ? Kind.Create : roll < 0.85 ? Kind.Update : Kind.Delete, target));
            }
        }
        yield return [.. mix];
    }

    static HttpStatusCode[] Expected(Kind kind) => kind switch
    {
        Kind.Create => [HttpStatusCode.Created],
        Kind.Update => [HttpStatusCode.OK, HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound],
        _ => [HttpStatusCode.NoContent, HttpStatusCode.NotFound],
    };

    static async Task<Outcome?> RunAsync(Step step, Writer writer)
    {
        var client = writer.User.Client;
        if (step.Kind == Kind.Create)
        {
            var (title, description) = ($"note {step.Number}", $"created by step {step.Number}");
            var created = await client.PostAsJsonAsync("/api/notes", new { title, description });
            var id = created.StatusCode == HttpStatusCode.Created ? (await created.JsonAsync()).Id() : "";
            if (id != "")
                writer.Saw(id, 1);
            return new Outcome(step, id, created.StatusCode, 1, title, description);
        }

        if (writer.Pick(step.Target) is not { } picked)
            return null;
        var (noteId, version) = picked;
        if (step.Kind == Kind.Delete)
            return new Outcome(step, noteId, (await client.DeleteAsync($"/api/notes/{noteId}")).StatusCode, 0, "", "");

        var (newTitle, newDescription) = ($"update {step.Number}", $"written by step {step.Number}");
        var updated = await writer.User.PutNoteAsync(noteId, new { title = newTitle, description = newDescription }, ETag.Of(version));
        var newVersion = updated.StatusCode == HttpStatusCode.OK ? (await updated.JsonAsync()).Version() : 0;
        if (newVersion > 0)
            writer.Saw(noteId, newVersion);
        return new Outcome(step, noteId, updated.StatusCode, newVersion, newTitle, newDescription);
    }
}
