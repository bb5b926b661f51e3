using Microsoft.AspNetCore.WebUtilities;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Auth;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Shares;

public sealed class CreateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    IMongoCollection<BsonDocument> Shares => api.Mongo().GetCollection<BsonDocument>(CollectionNames.Shares);

    [Fact]
    public async Task Create_returns_201_with_the_link_on_this_site_its_times_and_its_address_in_Location()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var before = api.Clock.GetUtcNow();

        var response = await user.CreateShareAsync(note.Id());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = (await response.JsonAsync()).AsObject();
        Assert.Equal(["id", "url", "createdAt", "expiresAt"], share.Select(p => p.Key));
        Assert.Matches("^/s/[A-Za-z0-9_-]{43}$", share["url"]!.GetValue<string>());
        Assert.Equal(32, WebEncoders.Base64UrlDecode(share.Token()).Length); // 256 random bits
        Assert.InRange(share.Time("createdAt"), before.AddMilliseconds(-1), api.Clock.GetUtcNow());
        Assert.Equal($"/api/notes/{note.Id()}/shares/{share.Id()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_link_left_without_an_expiry_lasts_30_days_and_so_does_one_made_from_an_empty_body()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var fromObject = await user.ShareAsync(note.Id(), new { });
        var emptyBody = await user.Client.PostAsync($"/api/notes/{note.Id()}/shares", null);

        Assert.Equal(TimeSpan.FromDays(30), fromObject.Time("expiresAt") - fromObject.Time("createdAt"));
        Assert.Equal(HttpStatusCode.Created, emptyBody.StatusCode);
        var fromNothing = await emptyBody.JsonAsync();
        Assert.Equal(TimeSpan.FromDays(30), fromNothing.Time("expiresAt") - fromNothing.Time("createdAt"));
    }

    [Fact]
    public async Task An_explicit_null_expiry_makes_a_link_that_never_expires()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var share = await user.ShareAsync(note.Id(), """{"expiresAt":null}""");

        Assert.True(share.AsObject().ContainsKey("expiresAt"));
        Assert.Null(share["expiresAt"]);
        var stored = await Shares.Find(new BsonDocument("_id", ObjectId.Parse(share.Id()))).SingleAsync();
        Assert.True(stored.GetValue("expiresAt", BsonNull.Value).IsBsonNull);
    }

    [Fact]
    public async Task A_chosen_expiry_up_to_a_year_ahead_is_kept_to_the_millisecond_in_any_offset()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");
        var inAWeek = api.Clock.GetUtcNow().AddDays(7);
        var aYear = api.Clock.GetUtcNow().AddDays(365).AddMinutes(-1);

        var week = await user.ShareAsync(note.Id(), new { expiresAt = inAWeek.ToOffset(TimeSpan.FromHours(2)) });
        var year = await user.ShareAsync(note.Id(), new { expiresAt = aYear });

        Assert.Equal(inAWeek.ToUnixTimeMilliseconds(), week.Time("expiresAt").ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, week.Time("expiresAt").Offset);
        Assert.Equal(aYear.ToUnixTimeMilliseconds(), year.Time("expiresAt").ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData(-60.0)]
    [InlineData(0.0)]
    [InlineData(366 * 24 * 3600.0)]
    public async Task An_expiry_not_in_the_future_or_more_than_a_year_ahead_returns_400_naming_it_and_makes_nothing(double secondsAhead)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var response = await user.CreateShareAsync(note.Id(), new { expiresAt = api.Clock.GetUtcNow().AddSeconds(secondsAhead) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["expiresAt"], problem.ErrorFields());
        Assert.Equal(0, await Shares.CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
    }

    [Theory]
    [InlineData("""{"expiresAt":"tomorrow"}""")]
    [InlineData("""{"expiresAt":12}""")]
    [InlineData("""[]""")]
    public async Task A_body_whose_expiry_is_no_time_returns_400_and_makes_nothing(string body)
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        await (await user.CreateShareAsync(note.Id(), body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0, await Shares.CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_SHA_256_and_shown_only_in_the_answer_that_made_it()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var share = await user.ShareAsync(note.Id());

        var token = share.Token();
        var stored = await Shares.Find(new BsonDocument("_id", ObjectId.Parse(share.Id()))).SingleAsync();
        Assert.Equal(BearerSecrets.HashOf(token), stored["tokenHash"].AsString);
        Assert.DoesNotContain(token, stored.ToJson());
        Assert.Equal(
            ["_id", "ownerId", "noteId", "tokenHash", "createdAt", "expiresAt", "views", "lastViewedAt"],
            stored.Names);
        var listed = (await user.ListSharesAsync(note.Id())).ToJsonString();
        Assert.DoesNotContain(token, listed);
        Assert.DoesNotContain(stored["tokenHash"].AsString, listed);
    }

    [Fact]
    public async Task Every_link_gets_its_own_token()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var tokens = new HashSet<string>();
        for (var i = 0; i < 5; i++)
            Assert.True(tokens.Add((await user.ShareAsync(note.Id())).Token()));
    }

    [Fact]
    public async Task Someone_elses_note_is_answered_404_like_a_missing_or_malformed_one_and_nothing_is_kept()
    {
        var owner = await api.SignedInUserAsync();
        var caller = await api.SignedInUserAsync();
        var theirs = await owner.AddNoteAsync("Not yours");

        var foreign = await (await caller.CreateShareAsync(theirs.Id())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missing = await (await caller.CreateShareAsync(ObjectId.GenerateNewId().ToString())).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await caller.CreateShareAsync("not-an-id")).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(missing["detail"]!.GetValue<string>(), foreign["detail"]!.GetValue<string>());
        Assert.Equal(0, await Shares.CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(caller.Id))));
        Assert.Empty(await owner.ListSharesAsync(theirs.Id()));
    }

    [Fact]
    public async Task A_note_in_the_trash_returns_409_note_in_trash_and_nothing_is_kept()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Trashed");
        await user.PatchedNoteAsync(note.Id(), new { trashed = true });

        await (await user.CreateShareAsync(note.Id())).ProblemAsync(HttpStatusCode.Conflict, "note_in_trash");

        Assert.Equal(0, await Shares.CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
    }

    [Fact]
    public async Task Without_a_token_create_returns_401()
    {
        var user = await api.SignedInUserAsync();
        var note = await user.AddNoteAsync("Shared");

        var response = await api.CreateClient().PostAsJsonAsync($"/api/notes/{note.Id()}/shares", new { });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
