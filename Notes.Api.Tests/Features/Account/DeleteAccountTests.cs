using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using Notes.Api.Features.Account;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

public sealed class DeleteAccountTests(DeleteAccountTests.Api api) : IClassFixture<DeleteAccountTests.Api>
{
    /// <summary>No sweep of the app's own, so that only a test's own run finishes an interrupted deletion; addresses chosen per request.</summary>
    public sealed class Api : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerAddress.AddTo(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var job in services.Where(s => s.ImplementationType == typeof(AccountDeletionSweep)).ToList())
                    services.Remove(job);
            });
        }
    }

    IMongoCollection<BsonDocument> Collection(string name) => api.Mongo().GetCollection<BsonDocument>(name);

    /// <summary>The sweep as another instance of the API runs it.</summary>
    AccountDeletionSweep Sweep() => new(api.Service<AccountData>(), api.Clock, NullLogger<AccountDeletionSweep>.Instance);

    [Fact]
    public async Task Delete_with_the_password_returns_204_then_the_token_is_refused_sign_in_fails_and_the_username_is_free_again()
    {
        var user = await api.SignedInUserAsync();
        var phone = api.ClientWithToken(await api.SignInAsync(user.Username));

        var response = await user.DeleteAccountAsync(new { password = user.Password });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await user.Client.GetAsync("/api/account")).TokenRefusedAsync("Token has been revoked");
        await (await phone.GetAsync("/api/notes")).TokenRefusedAsync("Token has been revoked");
        await (await api.LoginAsync(user.Username, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var again = await api.SignedInUserAsync(user.Username.ToUpperInvariant());
        Assert.NotEqual(user.Id, again.Id);
        Assert.Equal(0, (await (await again.Client.GetAsync("/api/account")).JsonAsync())["noteCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Delete_leaves_nothing_of_the_user_in_any_collection_and_everything_of_another_user()
    {
        var user = await api.SignedInUserAsync();
        var other = await api.SignedInUserAsync();
        foreach (var owner in new[] { user, other })
        {
            var edited = await owner.AddTaggedNoteAsync("a note", "work");
            Assert.Equal(HttpStatusCode.OK, (await owner.PutNoteAsync(edited.Id(), new { title = "a note, edited" })).StatusCode); // a revision
            await owner.ShareAsync(edited.Id()); // a link
            await owner.PatchedNoteAsync((await owner.AddNoteAsync("trashed")).Id(), new { trashed = true });
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/notes") { Content = JsonContent.Create(new { title = "once" }) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, (await owner.Client.SendAsync(request)).StatusCode);
            await api.SignInAsync(owner.Username);
            await owner.CreateTokenAsync();
            await FailedSignInAsync(owner.Username, "198.51.100.7");
            await FailedSignInAsync(owner.Username, "2001:db8::7");
        }
        var twoFactor = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await user.EnableTwoFactorAsync(api.CurrentCode(twoFactor))).StatusCode);
        var before = await HeldOfAsync(other);
        Assert.All(CollectionNames.All.Except([CollectionNames.DataProtectionKeys]), c => Assert.True(before[c] > 0, $"{other.Username} has something in {c}"));

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAccountAsync(new { password = user.Password, code = api.NextCode(twoFactor) })).StatusCode);

        Assert.All(await HeldOfAsync(user), held => Assert.True(held.Value == 0, $"{held.Value} documents of the deleted user left in {held.Key}"));
        Assert.Equal(before, await HeldOfAsync(other));
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(other.Username, other.Password)).StatusCode);
    }

    [Fact]
    public async Task Delete_with_a_wrong_password_returns_400_wrong_password_naming_it_and_deletes_nothing()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("kept");

        var problem = await (await user.DeleteAccountAsync(new { password = "not the password" })).ProblemAsync(HttpStatusCode.BadRequest, "wrong_password");

        Assert.Equal(["password"], problem.ErrorFields());
        Assert.Equal(1, (await (await user.Client.GetAsync("/api/account")).JsonAsync())["noteCount"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password)).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"password":null}""")]
    [InlineData("""{"password":""}""")]
    public async Task Delete_without_the_password_returns_400_naming_it(string body)
    {
        var user = await api.SignedInUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        var problem = await (await user.Client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["password"], problem.ErrorFields());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcde-fghjk")]
    [InlineData("used")]
    public async Task Delete_with_two_step_sign_in_on_and_a_missing_wrong_or_used_code_returns_400_invalid_code_and_deletes_nothing(string? code)
    {
        var twoFactor = await api.TwoFactorUserAsync();
        var user = twoFactor.User;
        if (code == "used")
        {
            code = twoFactor.RecoveryCodes[0];
            Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password, code)).StatusCode);
        }

        var response = await user.DeleteAccountAsync(code is null ? new { password = user.Password } : new { password = user.Password, code });

        Assert.Equal(["code"], (await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_code")).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Delete_with_two_step_sign_in_on_and_a_recovery_code_returns_204()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var response = await twoFactor.User.DeleteAccountAsync(new { password = twoFactor.User.Password, code = twoFactor.RecoveryCodes[9] });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, twoFactor.RecoveryCodes[8])).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task From_the_mark_on_the_account_cannot_sign_in_no_token_is_accepted_and_the_username_stays_taken_until_it_is_gone()
    {
        var user = await api.SignedInUserAsync();

        await MarkDeletingAsync(user, api.Clock.GetUtcNow().UtcDateTime);

        await (await user.Client.GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        await (await api.LoginAsync(user.Username, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var register = await api.CreateClient().PostAsJsonAsync("/api/auth/register", new { username = user.Username, password = Users.Password });
        await register.ProblemAsync(HttpStatusCode.Conflict, "username_taken");
    }

    [Fact]
    public async Task A_deletion_interrupted_after_its_mark_is_finished_by_the_sweep_once_a_minute_has_passed()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("one");
        await user.AddNoteAsync("two");
        var other = await api.SignedInUserAsync();
        await other.AddNoteAsync("kept");
        // As an outage would leave it: marked two minutes ago, one note and the sessions removed, the rest still there.
        await MarkDeletingAsync(user, api.Clock.GetUtcNow().UtcDateTime.AddMinutes(-2));
        await Collection(CollectionNames.Notes).DeleteOneAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id)));
        await Collection(CollectionNames.Sessions).DeleteManyAsync(new BsonDocument("userId", ObjectId.Parse(user.Id)));

        Assert.Equal(1, await Sweep().SweepAsync(CancellationToken.None));

        Assert.All(await HeldOfAsync(user), held => Assert.True(held.Value == 0, $"{held.Value} documents of the deleted user left in {held.Key}"));
        Assert.Equal(1, (await (await other.Client.GetAsync("/api/account")).JsonAsync())["noteCount"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Created, (await api.CreateClient().PostAsJsonAsync("/api/auth/register", new { username = user.Username, password = Users.Password })).StatusCode);
    }

    [Fact]
    public async Task The_sweep_leaves_a_deletion_that_began_under_a_minute_ago_to_the_instance_doing_it()
    {
        var user = await api.SignedInUserAsync();
        await user.AddNoteAsync("still there");
        await MarkDeletingAsync(user, api.Clock.GetUtcNow().UtcDateTime.AddSeconds(-30));

        await Sweep().SweepAsync(CancellationToken.None);

        Assert.Equal(1, await Collection(CollectionNames.Notes).CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
        Assert.Equal(1, await Collection(CollectionNames.Users).CountDocumentsAsync(new BsonDocument("_id", ObjectId.Parse(user.Id))));
    }

    [Fact]
    public async Task Delete_of_an_account_with_more_notes_than_one_batch_removes_them_all()
    {
        var user = await api.SignedInUserAsync();
        var notes = Enumerable.Range(0, AccountData.BatchSize + 5).Select(i => new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() }, { "ownerId", ObjectId.Parse(user.Id) }, { "title", $"n{i}" }, { "description", "" },
            { "searchText", "" }, { "tags", new BsonArray() }, { "createdAt", DateTime.UtcNow }, { "updatedAt", DateTime.UtcNow }, { "version", 1 },
        });
        await Collection(CollectionNames.Notes).InsertManyAsync(notes);

        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAccountAsync(new { password = user.Password })).StatusCode);

        Assert.Equal(0, await Collection(CollectionNames.Notes).CountDocumentsAsync(new BsonDocument("ownerId", ObjectId.Parse(user.Id))));
    }

    [Fact]
    public async Task Delete_without_a_token_returns_401()
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Users.Password }) };

        await (await api.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
    }

    Task MarkDeletingAsync(TestUser user, DateTime since) =>
        Collection(CollectionNames.Users).UpdateOneAsync(new BsonDocument("_id", ObjectId.Parse(user.Id)), new BsonDocument("$set", new BsonDocument("deletingSince", since)));

    async Task FailedSignInAsync(string username, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { username, password = "a wrong guess" }) };
        request.Headers.Add(PeerAddress.Header, address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().SendAsync(request)).StatusCode);
    }

    /// <summary>
    /// How many documents of each collection are the user's, found every way a document may name its user: its id, as the user's
    /// own id, ownerId or userId, as the prefix of its id (idempotent requests), or the username in its id (sign-in throttles).
    /// </summary>
    async Task<Dictionary<string, long>> HeldOfAsync(TestUser user)
    {
        var id = ObjectId.Parse(user.Id);
        var filter = new BsonDocument("$or", new BsonArray
        {
            new BsonDocument("_id", id), new BsonDocument("ownerId", id), new BsonDocument("userId", id),
            new BsonDocument("_id", new BsonRegularExpression($"^{user.Id}:")),
            new BsonDocument("_id", new BsonRegularExpression($"\\|{Regex.Escape(user.Username.ToLowerInvariant())}$")),
        });
        var held = new Dictionary<string, long>();
        foreach (var name in CollectionNames.All)
            held[name] = await Collection(name).CountDocumentsAsync(filter);
        return held;
    }
}
