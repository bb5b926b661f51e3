using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using Notes.Api.Features.Account;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

/// <summary>A deletion the database walks away from halfway: the account stays shut, and the sweep finishes it once it is back.</summary>
public sealed class AccountDeletionOutageTests(AccountDeletionOutageTests.Api api) : IClassFixture<AccountDeletionOutageTests.Api>
{
    /// <summary>An engine of its own to pause, a short timeout so the paused request gives up soon, and no sweep but the test's.</summary>
    public sealed class Api : PausableApi
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Timeout"] = "00:00:02" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var job in services.Where(s => s.ImplementationType == typeof(AccountDeletionSweep)).ToList())
                    services.Remove(job);
            });
        }
    }

    IMongoCollection<BsonDocument> Collection(string name) => api.Mongo().GetCollection<BsonDocument>(name);

    [Fact]
    public async Task A_deletion_interrupted_by_a_paused_engine_leaves_the_account_shut_and_the_sweep_completes_it_afterwards()
    {
        var user = await api.SignedInUserAsync();
        var owner = ObjectId.Parse(user.Id);
        // Several batches of notes, so the removal is still under way when the engine stops.
        await Collection(CollectionNames.Notes).InsertManyAsync(Enumerable.Range(0, 6 * AccountData.BatchSize).Select(i => new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() }, { "ownerId", owner }, { "title", $"n{i}" }, { "description", "" }, { "searchText", "" },
            { "tags", new BsonArray() }, { "createdAt", DateTime.UtcNow }, { "updatedAt", DateTime.UtcNow }, { "version", 1 },
        }));
        var marked = new BsonDocument { { "_id", owner }, { "deletingSince", new BsonDocument("$exists", true) } };

        var deletion = user.DeleteAccountAsync(new { password = user.Password });
        HttpResponseMessage answer;
        try
        {
            // Asked again at once, with no pause: the engine must stop while the removal is under way, just after the mark.
            while (!deletion.IsCompleted && await Collection(CollectionNames.Users).CountDocumentsAsync(marked) == 0)
            {
            }
            api.PausableEngine.Pause();
            answer = await deletion;
        }
        finally
        {
            api.PausableEngine.Resume();
        }

        await answer.ProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        await (await user.Client.GetAsync("/api/account")).TokenRefusedAsync("Token has been revoked");
        await (await api.LoginAsync(user.Username, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(1, await Collection(CollectionNames.Users).CountDocumentsAsync(marked));

        // A minute on, as the sweep on any instance sees it.
        await Collection(CollectionNames.Users).UpdateOneAsync(new BsonDocument("_id", owner),
            new BsonDocument("$set", new BsonDocument("deletingSince", DateTime.UtcNow.AddMinutes(-2))));
        Assert.Equal(1, await new AccountDeletionSweep(api.Service<AccountData>(), api.Clock, NullLogger<AccountDeletionSweep>.Instance).SweepAsync(CancellationToken.None));

        Assert.Equal(0, await Collection(CollectionNames.Notes).CountDocumentsAsync(new BsonDocument("ownerId", owner)));
        Assert.Equal(0, await Collection(CollectionNames.Sessions).CountDocumentsAsync(new BsonDocument("userId", owner)));
        Assert.Equal(0, await Collection(CollectionNames.Users).CountDocumentsAsync(new BsonDocument("_id", owner)));
    }
}
