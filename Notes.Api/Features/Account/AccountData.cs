using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Account;

/// <summary>A user whose deletion has begun, as the removal needs them: by id, and by name for what is kept by name.</summary>
internal sealed record DeletingUser(string Id, string UsernameKey);

/// <summary>
/// Everything stored for a user, in one list, and its removal: the account is first marked as being deleted (from then on it
/// cannot sign in and none of its tokens is accepted), then what it owns is removed, collection by collection, and the user
/// last, so an interrupted deletion leaves a marked user that <see cref="AccountDeletionSweep"/> finds and finishes.
/// </summary>
internal sealed class AccountData(IMongoDatabase database, IMongoCollection<User> users, TimeProvider clock)
{
    /// <summary>Small, so one delete stays well within the client's timeout on the embedded engine as on MongoDB (as TrashPurge's).</summary>
    public const int BatchSize = 100;

    static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    static readonly ProjectionDefinition<BsonDocument> IdOnly = Builders<BsonDocument>.Projection.Include("_id");

    /// <summary>What a user owns besides the user document, collection by collection: a new per-user collection is one line here.</summary>
    static readonly (string Collection, Func<DeletingUser, FilterDefinition<BsonDocument>> Owned)[] Owned =
    [
        (CollectionNames.Shares, user => Filter.Eq("ownerId", ObjectId.Parse(user.Id))),
        (CollectionNames.Notes, user => Filter.Eq("ownerId", ObjectId.Parse(user.Id))),
        (CollectionNames.Revisions, user => Filter.Eq("ownerId", ObjectId.Parse(user.Id))),
        (CollectionNames.AccessTokens, user => Filter.Eq("ownerId", ObjectId.Parse(user.Id))),
        (CollectionNames.Sessions, user => Filter.Eq("userId", ObjectId.Parse(user.Id))),
        (CollectionNames.IdempotentRequests, user => Filter.Regex("_id", new BsonRegularExpression($"^{user.Id}:"))),
        (CollectionNames.Throttles, user => Filter.Regex("_id", new BsonRegularExpression(SignInLimit.KeysPatternOf(user.UsernameKey)))),
    ];

    /// <summary>
    /// Marks the account as being deleted (keeping the time of a mark already there) and removes everything it owns, the user last.
    /// An update of many (of one, by id): the embedded engine checks the filter in the same step as it writes only there.
    /// </summary>
    public async Task DeleteAsync(DeletingUser user, CancellationToken ct)
    {
        await users.UpdateManyAsync(
            Builders<User>.Filter.Eq(u => u.Id, user.Id) & Builders<User>.Filter.Exists(u => u.DeletingSince, false),
            Builders<User>.Update.Set(u => u.DeletingSince, clock.UtcNowForMongo()),
            cancellationToken: ct);
        await RemoveAsync(user, ct);
    }

    /// <summary>The accounts whose deletion began before <paramref name="before"/>, a batch at a time.</summary>
    public Task<List<DeletingUser>> FindDeletingAsync(DateTime before, CancellationToken ct) =>
        users.Find(Builders<User>.Filter.Lte(u => u.DeletingSince, before))
            .Project(u => new DeletingUser(u.Id, u.UsernameKey))
            .Limit(BatchSize)
            .ToListAsync(ct);

    /// <summary>
    /// Removes what the marked user owns, then the user. Safe to run again, or on several instances at once: each step deletes only
    /// what is still there.
    /// </summary>
    public async Task RemoveAsync(DeletingUser user, CancellationToken ct)
    {
        foreach (var (collection, owned) in Owned)
            await RemoveAllAsync(database.GetCollection<BsonDocument>(collection), owned(user), ct);
        // Only a marked user: an id never names another account, but the mark is what says the removal was asked for.
        await users.DeleteOneAsync(Builders<User>.Filter.Eq(u => u.Id, user.Id) & Builders<User>.Filter.Exists(u => u.DeletingSince), ct);
    }

    static async Task RemoveAllAsync(IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> owned, CancellationToken ct)
    {
        List<BsonValue> batch;
        do
        {
            // Ids only, read from documents: the embedded engine ignores projections and sends whole documents.
            batch = [.. (await collection.Find(owned).Project(IdOnly).Limit(BatchSize).ToListAsync(ct)).Select(d => d["_id"])];
            if (batch.Count > 0)
                await collection.DeleteManyAsync(Filter.In("_id", batch), ct);
        }
        while (batch.Count == BatchSize);
    }
}
