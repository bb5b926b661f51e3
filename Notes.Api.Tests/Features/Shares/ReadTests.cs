using MongoDB.Bson;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Shares;

public sealed class ReadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    IMongoCollection<BsonDocument> Shares => api.Mongo().GetCollection<BsonDocument>(CollectionNames.Shares);

    [Fact]
    public async Task Read_returns_200_with_the_notes_title_description_and_updatedAt_as_it_is_now_and_nothing_else()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddTaggedNoteAsync("Shared", "secret-tag");
        var share = await user.ShareAsync(note.Id());
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var edited = await user.PatchedNoteAsync(note.Id(), new { title = "Shared, edited", description = "# Heading\n\nText." });

        var response = await api.ReadSharedAsync(share.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.JsonAsync()).AsObject();
        Assert.Equal(["title", "description", "updatedAt"], body.Select(p => p.Key));
        Assert.Equal(("Shared, edited", "# Heading\n\nText."), (body["title"]!.GetValue<string>(), body["description"]!.GetValue<string>()));
        Assert.Equal(edited.Time("updatedAt"), body.Time("updatedAt"));
        var text = body.ToJsonString();
        foreach (var hidden in new[] { user.Id, user.Username, note.Id(), share.Id(), "secret-tag" })
            Assert.DoesNotContain(hidden, text);
    }

    [Fact]
    public async Task Each_read_counts_a_view_and_when_it_happened()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(share.Token())).StatusCode);

        var stored = await Shares.Find(new BsonDocument("_id", ObjectId.Parse(share.Id()))).SingleAsync();
        Assert.Equal(3, stored["views"].ToInt64());
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, stored["lastViewedAt"].ToUniversalTime(), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Every_answer_is_kept_out_of_caches_and_search_engines_and_sends_no_referrer()
    {
        var user = await api.SignedInUserAsync();
        var share = await user.ShareAsync((await user.AddNoteAsync("Shared")).Id());

        foreach (var response in new[] { await api.ReadSharedAsync(share.Token()), await api.ReadSharedAsync(UnknownToken()) })
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    /// <summary>
    /// Unknown, malformed, expired, revoked, its note trashed, deleted, purged with the trash or with the account: nothing tells one
    /// from another, neither the status, nor the body (but the request's own address and trace id), nor a header.
    /// </summary>
    [Fact]
    public async Task Every_kind_of_dead_link_gets_the_same_404()
    {
        var user = await api.SignedInUserAsync();
        var leaving = await api.SignedInUserAsync();
        static async Task<string> SharedTokenAsync(TestUser owner, object? body = null) =>
            (await owner.ShareAsync((await owner.AddNoteAsync("Shared")).Id(), body)).Token();

        var expired = await SharedTokenAsync(user, new { expiresAt = api.Clock.GetUtcNow().AddSeconds(5) });
        var revokedNote = await user.AddNoteAsync("Revoked");
        var revokedShare = await user.ShareAsync(revokedNote.Id());
        Assert.Equal(HttpStatusCode.NoContent, (await user.RevokeShareAsync(revokedNote.Id(), revokedShare.Id())).StatusCode);
        var trashed = await user.AddNoteAsync("Trashed");
        var trashedToken = (await user.ShareAsync(trashed.Id())).Token();
        await user.PatchedNoteAsync(trashed.Id(), new { trashed = true });
        var deleted = await user.AddNoteAsync("Deleted");
        var deletedToken = (await user.ShareAsync(deleted.Id())).Token();
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/notes/{deleted.Id()}")).StatusCode);
        var accountToken = await SharedTokenAsync(leaving);
        Assert.Equal(HttpStatusCode.NoContent, (await leaving.DeleteAccountAsync(new { password = leaving.Password })).StatusCode);
        api.Clock.Advance(TimeSpan.FromSeconds(6));

        var dead = new Dictionary<string, string>
        {
            ["unknown"] = UnknownToken(),
            ["malformed"] = "not-a-token",
            ["too long"] = UnknownToken() + "A",
            ["expired"] = expired,
            ["revoked"] = revokedShare.Token(),
            ["trashed"] = trashedToken,
            ["deleted"] = deletedToken,
            ["account deleted"] = accountToken,
        };
        var answers = new Dictionary<string, (string Body, string Headers)>();
        foreach (var (kind, token) in dead)
        {
            var response = await api.ReadSharedAsync(token);
            var problem = (await response.ProblemAsync(HttpStatusCode.NotFound, "not_found")).AsObject();
            problem.Remove("instance");
            problem.Remove("traceId");
            // Content-Length aside: the body's instance is the request's own address, as long as the token that was sent.
            answers[kind] = (problem.ToJsonString(), string.Join('\n', response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key != "Content-Length")
                .OrderBy(h => h.Key).Select(h => $"{h.Key}: {string.Join(',', h.Value)}")));
        }

        Assert.Single(answers.Values.Distinct());
        Assert.Contains("not available", answers["unknown"].Body);
    }

    [Fact]
    public async Task A_link_lives_until_its_chosen_expiry_by_the_clock()
    {
        var user = await api.SignedInUserAsync();
        var share = await user.ShareAsync((await user.AddNoteAsync("Shared")).Id(), new { expiresAt = api.Clock.GetUtcNow().AddSeconds(10) });

        api.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(HttpStatusCode.OK, (await api.ReadSharedAsync(share.Token())).StatusCode);
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        await (await api.ReadSharedAsync(share.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Trashing_a_note_ends_its_links_for_good_and_restoring_it_brings_none_back()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var share = await user.ShareAsync(note.Id());

        await user.PatchedNoteAsync(note.Id(), new { trashed = true });
        await user.PatchedNoteAsync(note.Id(), new { trashed = false });

        await (await api.ReadSharedAsync(share.Token())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty(await user.ListSharesAsync(note.Id()));
    }

    [Fact]
    public async Task A_link_a_race_left_on_a_note_in_the_trash_shows_nothing()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        await user.PatchedNoteAsync(note.Id(), new { trashed = true });
        var token = UnknownToken();
        await Shares.InsertOneAsync(new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() }, { "ownerId", ObjectId.Parse(user.Id) }, { "noteId", ObjectId.Parse(note.Id()) },
            { "tokenHash", BearerSecrets.HashOf(token) },
            { "createdAt", DateTime.UtcNow }, { "expiresAt", BsonNull.Value }, { "views", 0L }, { "lastViewedAt", BsonNull.Value },
        });

        await (await api.ReadSharedAsync(token)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Emptying_the_trash_and_deleting_the_account_leave_no_link_stored()
    {
        var user = await api.SignedInUserAsync();
        var trashed = await user.AddNoteAsync("Trashed");
        var kept = await user.AddNoteAsync("Kept");
        await user.ShareAsync(kept.Id());
        await user.ShareAsync(trashed.Id());
        await user.PatchedNoteAsync(trashed.Id(), new { trashed = true });
        Assert.Equal(HttpStatusCode.OK, (await user.Client.DeleteAsync("/api/trash")).StatusCode);
        var owned = new BsonDocument("ownerId", ObjectId.Parse(user.Id));
        Assert.Equal(1, await Shares.CountDocumentsAsync(owned));

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAccountAsync(new { password = user.Password })).StatusCode);

        Assert.Equal(0, await Shares.CountDocumentsAsync(owned));
    }

    [Fact]
    public async Task A_link_needs_no_account_and_ignores_one_that_is_sent()
    {
        var user = await api.SignedInUserAsync();
        var share = await user.ShareAsync((await user.AddNoteAsync("Shared")).Id());

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/api/shared/{share.Token()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithToken("not.a.jwt").GetAsync($"/api/shared/{share.Token()}")).StatusCode);
    }

    static string UnknownToken() => BearerSecrets.New();
}
