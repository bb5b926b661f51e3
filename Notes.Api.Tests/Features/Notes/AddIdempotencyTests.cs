using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Notes;

/// <summary>POST /api/notes with an Idempotency-Key: a retry gets the first answer, never a second note.</summary>
public sealed class AddIdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_repeat_with_the_same_key_and_body_gets_the_first_answer_and_adds_no_second_note()
    {
        var user = await api.SignedInUserAsync();
        var key = Guid.NewGuid().ToString();

        var first = await AddAsync(user, key, new { title = "once", tags = new[] { "Work" } });
        var repeat = await AddAsync(user, key, new { title = "once", tags = new[] { "work" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(first.ETagOf(), repeat.ETagOf());
        Assert.Equal(1, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task A_repeat_answers_as_the_first_time_even_after_the_note_changed()
    {
        var user = await api.SignedInUserAsync();
        var first = await (await AddAsync(user, "key-1", new { title = "as added" })).JsonAsync();
        await user.PutNoteAsync(first.Id(), new { title = "changed since" });

        var repeat = await AddAsync(user, "key-1", new { title = "as added" });

        Assert.Equal(first.ToJsonString(), (await repeat.JsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_adds_nothing()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, "key-1", new { title = "first" });

        var response = await AddAsync(user, "key-1", new { title = "something else" });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(["first"], (await user.ListNotesAsync()).Titles());
    }

    [Fact]
    public async Task Keys_are_each_users_own()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        await AddAsync(alice, "shared-key", new { title = "alice's" });

        var response = await AddAsync(bob, "shared-key", new { title = "bob's" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["bob's"], (await bob.ListNotesAsync()).Titles());
        Assert.Equal(["alice's"], (await alice.ListNotesAsync()).Titles());
    }

    [Fact]
    public async Task A_key_of_255_characters_is_taken_and_one_of_256_is_a_400_naming_it()
    {
        var user = await api.SignedInUserAsync();

        var taken = await AddAsync(user, new string('k', 255), new { title = "long key" });
        var refused = await AddAsync(user, new string('k', 256), new { title = "longer key" });

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(["idempotencyKey"], (await refused.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorFields());
    }

    [Fact]
    public async Task A_repeat_while_the_first_is_running_is_a_409_and_once_the_first_is_past_its_lease_the_repeat_takes_over()
    {
        var user = await api.SignedInUserAsync();
        var first = await (await AddAsync(user, "running", new { title = "slow one" })).JsonAsync();
        await ForgetAnswerAsync(user, "running", startedAgo: TimeSpan.Zero);

        var whileRunning = await AddAsync(user, "running", new { title = "slow one" });
        api.Clock.Advance(TimeSpan.FromSeconds(11));
        var afterLease = await AddAsync(user, "running", new { title = "slow one" });

        await whileRunning.ProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_progress");
        Assert.Equal(HttpStatusCode.Created, afterLease.StatusCode);
        Assert.Equal(first.Id(), (await afterLease.JsonAsync()).Id());
        Assert.Equal(1, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task A_repeat_while_the_first_is_running_is_told_to_retry_when_the_first_attempts_lease_ends()
    {
        var user = await api.SignedInUserAsync();
        await AddAsync(user, "running", new { title = "slow one" });
        await ForgetAnswerAsync(user, "running", startedAgo: TimeSpan.FromSeconds(7));

        var whileRunning = await AddAsync(user, "running", new { title = "slow one" });

        await whileRunning.ProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_progress");
        Assert.Equal(TimeSpan.FromSeconds(3), whileRunning.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_retry_after_an_attempt_that_stored_the_note_but_never_answered_answers_with_that_note()
    {
        var user = await api.SignedInUserAsync();
        var stored = await (await AddAsync(user, "lost answer", new { title = "stored, answer lost" })).JsonAsync();
        await ForgetAnswerAsync(user, "lost answer", startedAgo: TimeSpan.FromMinutes(1));

        var retry = await AddAsync(user, "lost answer", new { title = "stored, answer lost" });

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(stored.Id(), (await retry.JsonAsync()).Id());
        Assert.Equal(1, (await user.ListNotesAsync()).Total());
    }

    [Fact]
    public async Task A_key_is_forgotten_a_day_after_its_first_use()
    {
        var user = await api.SignedInUserAsync();
        await StoreAttemptAsync(user, "old key", ObjectId.GenerateNewId().ToString(), startedAgo: TimeSpan.FromHours(24));

        var response = await AddAsync(user, "old key", new { title = "a new request" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["a new request"], (await user.ListNotesAsync()).Titles());
    }

    [Fact]
    public async Task Ten_adds_at_once_with_one_key_store_one_note_and_every_201_is_the_same()
    {
        var user = await api.SignedInUserAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AddAsync(user, "burst", new { title = "tapped ten times" })));

        Assert.Equal(1, (await user.ListNotesAsync()).Total());
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {a.StatusCode}"));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Content.ReadAsStringAsync().Result).Distinct();
        Assert.Single(created);
    }

    static Task<HttpResponseMessage> AddAsync(TestUser user, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/notes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return user.Client.SendAsync(request);
    }

    /// <summary>
    /// The key's attempt as one that died after its insert leaves it (or one still running, when just started): the note stored,
    /// the answer not kept.
    /// </summary>
    Task ForgetAnswerAsync(TestUser user, string key, TimeSpan startedAgo) =>
        api.Mongo().GetCollection<BsonDocument>(CollectionNames.IdempotentRequests).UpdateOneAsync(
            new BsonDocument("_id", $"{user.Id}:{key}"),
            new BsonDocument("$unset", new BsonDocument("answer", "")).Add("$set", new BsonDocument("startedAt", api.Clock.UtcNowForMongo() - startedAgo)));

    /// <summary>An attempt with this key as another instance would have left it, started some time ago, with no answer yet.</summary>
    async Task StoreAttemptAsync(TestUser user, string key, string noteId, TimeSpan startedAgo)
    {
        var started = api.Clock.UtcNowForMongo() - startedAgo;
        await api.Mongo().GetCollection<BsonDocument>(CollectionNames.IdempotentRequests).InsertOneAsync(new BsonDocument
        {
            { "_id", $"{user.Id}:{key}" }, { "fingerprint", "from an earlier attempt" }, { "resourceId", ObjectId.Parse(noteId) },
            { "startedAt", started }, { "expiresAt", started.AddHours(24) },
        });
    }
}
