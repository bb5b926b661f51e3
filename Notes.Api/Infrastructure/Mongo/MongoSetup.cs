using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Conventions;

namespace Notes.Api.Infrastructure.Mongo;

internal static class MongoSetup
{
    static MongoSetup() =>
        ConventionRegistry.Register("notes", new ConventionPack { new CamelCaseElementNameConvention(), new IgnoreExtraElementsConvention(true) }, _ => true);

    public static IServiceCollection AddMongo(this IServiceCollection services)
    {
        services.AddOptions<MongoOptions>().BindConfiguration(MongoOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<IMongoClient>(sp =>
        {
            var settings = MongoClientSettings.FromConnectionString(sp.GetRequiredService<IOptions<MongoOptions>>().Value.ConnectionString);
            // A request must answer 503 within seconds when the database is away, not hang on the driver's 30 s defaults. The socket
            // timeout also catches a server that takes connections but never answers (hung, paused, or cut off behind a proxy): a
            // pooled connection then stays open and silent, and only a bound on each read ends the wait.
            var timeout = sp.GetRequiredService<IOptions<MongoOptions>>().Value.Timeout;
            settings.SocketTimeout = timeout;
            // The driver retries a read or write once, which rides out a connection dropped or refused in a burst. The retry selects
            // the server again and may open a new connection, and on a silent database both wait too: half the timeout for each keeps
            // a retried operation under 3 seconds in all, where the full timeout took up to 4.25 s.
            settings.ServerSelectionTimeout = timeout / 2;
            settings.ConnectTimeout = timeout / 2;
            MongoDiagnostics.ObserveCommands(sp, settings);
            return new MongoClient(settings);
        });
        services.AddSingleton<MongoCommandCounter>();
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<MongoOptions>>().Value.Database));

        // The deletion sweep looks for accounts whose deletion began a while ago: only those few carry the field.
        services.AddCollection<User>(CollectionNames.Users,
            new CreateIndexModel<User>(Builders<User>.IndexKeys.Ascending(u => u.UsernameKey), new() { Unique = true }),
            new CreateIndexModel<User>(Builders<User>.IndexKeys.Ascending(u => u.DeletingSince), new() { Sparse = true }));
        // TTL removal only tidies up: expiry is also enforced by time in every query, since the TTL monitor runs once a minute.
        // Sessions linger a minute past expiry so a token inside its clock skew still reads as expired, not revoked.
        services.AddCollection<Session>(CollectionNames.Sessions,
            new(Builders<Session>.IndexKeys.Ascending(s => s.ExpiresAt), new() { ExpireAfter = TimeSpan.FromMinutes(1) }),
            new(Builders<Session>.IndexKeys.Ascending(s => s.UserId)));
        services.AddCollection<Note>(CollectionNames.Notes, NoteIndexes());
        services.AddCollection<Throttle>(CollectionNames.Throttles,
            new CreateIndexModel<Throttle>(Builders<Throttle>.IndexKeys.Ascending(t => t.WindowEndsAt), new() { ExpireAfter = TimeSpan.Zero }));
        services.AddCollection<IdempotentRequest>(CollectionNames.IdempotentRequests,
            new CreateIndexModel<IdempotentRequest>(Builders<IdempotentRequest>.IndexKeys.Ascending(r => r.ExpiresAt), new() { ExpireAfter = TimeSpan.Zero }));
        // One revision per version of a note, newest first; the owner leads, as in every query (and the shard key to come).
        services.AddCollection<Revision>(CollectionNames.Revisions,
            new CreateIndexModel<Revision>(
                Builders<Revision>.IndexKeys.Ascending(r => r.OwnerId).Ascending(r => r.NoteId).Descending(r => r.Version), new() { Unique = true }));

        // A request's token is found by its hash alone; the owner's list, and the removal of an account, go by owner.
        services.AddCollection<AccessToken>(CollectionNames.AccessTokens,
            new CreateIndexModel<AccessToken>(Builders<AccessToken>.IndexKeys.Ascending(t => t.TokenHash), new() { Unique = true }),
            new CreateIndexModel<AccessToken>(Builders<AccessToken>.IndexKeys.Ascending(t => t.OwnerId)),
            // A day past expiry, so a script with an expired token is told so (token_expired) rather than that it was revoked.
            new CreateIndexModel<AccessToken>(Builders<AccessToken>.IndexKeys.Ascending(t => t.ExpiresAt), new() { ExpireAfter = TimeSpan.FromDays(1) }));

        // A link is opened by its token's hash alone (unique); its owner lists and ends a note's links by owner and note.
        services.AddCollection<Share>(CollectionNames.Shares,
            new CreateIndexModel<Share>(Builders<Share>.IndexKeys.Ascending(s => s.TokenHash), new() { Unique = true }),
            new CreateIndexModel<Share>(Builders<Share>.IndexKeys.Ascending(s => s.OwnerId).Ascending(s => s.NoteId)));

        services.AddCollection<DataProtectionKey>(CollectionNames.DataProtectionKeys);

        services.AddHostedService<MongoIndexes>();
        services.AddHostedService<EmbeddedEngineWarning>();
        return services;
    }

    /// <summary>
    /// The list's views, each read in index order with no sort in memory: the notes outside the trash (archived or not) pinned first,
    /// then each sort the list offers in both orders (an index runs backwards only as a whole), each ending in the id tie-breaker;
    /// and the trash, newest trashed first. Then the tags, for the tag filter and the tag list, every note by id, for the export,
    /// and the purge dates, for the job that empties the trash. Last, an imported note's source, once per owner: a partial index
    /// over the notes that have one (a sparse one would not do: a compound sparse index holds every document with any of its
    /// fields, and every note has an owner).
    /// </summary>
    static CreateIndexModel<Note>[] NoteIndexes()
    {
        var outsideTrash =
            from field in new[] { "updatedAt", "createdAt", "title" }
            from direction in new[] { 1, -1 }
            select new CreateIndexModel<Note>(
                new BsonDocument { { "ownerId", 1 }, { "trashedAt", 1 }, { "archived", 1 }, { "pinned", -1 }, { field, direction }, { "_id", direction } },
                new CreateIndexOptions { Collation = field == "title" ? Note.TitleOrder : null });
        var keys = Builders<Note>.IndexKeys;
        return
        [
            .. outsideTrash,
            new(keys.Ascending(n => n.OwnerId).Descending(n => n.TrashedAt).Descending(n => n.Id)),
            new(keys.Ascending(n => n.OwnerId).Ascending(n => n.Tags)),
            // An owner's notes in id order, read along it by the export, which merges them with their revisions in note id order.
            new(keys.Ascending(n => n.OwnerId).Ascending(n => n.Id)),
            new(keys.Ascending(n => n.PurgeAt)),
            new(keys.Ascending(n => n.OwnerId).Ascending(n => n.Source),
                new CreateIndexOptions<Note> { Unique = true, PartialFilterExpression = Builders<Note>.Filter.Exists(n => n.Source) }),
        ];
    }

    /// <summary>A collection and its indexes, which <see cref="MongoIndexes"/> creates at start-up.</summary>
    static void AddCollection<TDocument>(this IServiceCollection services, string name, params CreateIndexModel<TDocument>[] indexes)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IMongoDatabase>().GetCollection<TDocument>(name));
        // A collection with no index of its own (beyond _id) asks for none: createIndexes refuses an empty list.
        if (indexes.Length > 0)
            services.AddSingleton(sp => new CollectionIndexes(ct => sp.GetRequiredService<IMongoCollection<TDocument>>().Indexes.CreateManyAsync(indexes, ct)));
    }
}
