using System.Globalization;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

public sealed class GetAccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task GetAccount_returns_200_with_the_id_username_creation_time_two_step_sign_in_off_and_the_note_count()
    {
        var before = api.Clock.GetUtcNow();
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("one");
        await user.AddNoteAsync("two");

        var response = await user.Client.GetAsync("/api/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = (await response.JsonAsync()).AsObject();
        Assert.Equal(["id", "username", "createdAt", "twoFactorEnabled", "noteCount"], account.Select(p => p.Key));
        Assert.Equal(user.Id, account["id"]!.GetValue<string>());
        Assert.Equal(user.Username, account["username"]!.GetValue<string>());
        Assert.InRange(DateTimeOffset.Parse(account["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture), before.AddSeconds(-1), api.Clock.GetUtcNow());
        Assert.False(account["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(2, account["noteCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetAccount_counts_archived_notes_but_not_those_in_the_trash_or_past_it()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("kept");
        var archived = await user.AddNoteAsync("archived");
        var trashed = await user.AddNoteAsync("trashed");
        var purgeDue = await user.AddNoteAsync("purge due");
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await SetAsync(archived.Id(), new BsonDocument("archived", true));
        await SetAsync(trashed.Id(), new BsonDocument { { "trashedAt", now }, { "purgeAt", now.AddDays(30) } });
        await SetAsync(purgeDue.Id(), new BsonDocument { { "trashedAt", now.AddDays(-31) }, { "purgeAt", now.AddDays(-1) } });

        var account = await (await user.Client.GetAsync("/api/account")).JsonAsync();

        Assert.Equal(2, account["noteCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetAccount_answers_the_callers_own_account_and_counts_only_their_notes()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        await other.AddNoteAsync("not yours");
        await other.AddNoteAsync("not yours either");

        var account = await (await user.Client.GetAsync("/api/account")).JsonAsync();

        Assert.Equal(user.Id, account["id"]!.GetValue<string>());
        Assert.Equal(0, account["noteCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetAccount_without_a_token_returns_401_auth_required_and_with_a_revoked_one_token_revoked()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        await (await api.CreateClient().GetAsync("/api/account")).AuthenticationRequiredAsync();
        await (await user.Client.GetAsync("/api/account")).TokenRefusedAsync("Token has been revoked");
    }

    Task SetAsync(string noteId, BsonDocument fields) =>
        api.Mongo().GetCollection<BsonDocument>(CollectionNames.Notes)
            .UpdateManyAsync(new BsonDocument("_id", ObjectId.Parse(noteId)), new BsonDocument("$set", fields));
}
