using System.Security.Claims;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// Global pre-processor on every endpoint that is not anonymous. The JWT handler has already proved the token genuine;
/// this proves it still stands: its session exists for its user, has not expired, and the user still exists (and is not being deleted).
/// It costs one database round trip per request. A personal access token was checked, in its one round trip, by
/// <see cref="AccessTokenAuthentication"/>, and has no session: it passes here untouched.
/// </summary>
internal sealed class SessionCheck : IGlobalPreProcessor
{
    /// <summary>Puts the check, and the 401 it may answer, on an endpoint that does not allow anonymous callers.</summary>
    public static void GuardUnlessAnonymous(EndpointDefinition endpoint)
    {
        if (endpoint.AnonymousVerbs is { Length: > 0 })
            return;
        endpoint.PreProcessor<SessionCheck>(Order.Before);
        endpoint.Description(d => d.ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden));
    }

    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.AuthenticationType == AccessTokenAuthentication.SchemeName)
            return;
        // FindFirst, not the FindFirstValue extension, whose assembly (Identity.Core, 0.5 MB resident) would load for these two calls alone.
        var userId = http.User.FindFirst(TokenClaims.UserId)?.Value;
        var sessionId = http.User.FindFirst(TokenClaims.SessionId)?.Value;
        if (userId is null || sessionId is null)
        {
            await BearerChallenge.SendAsync(http, BearerChallenge.InvalidToken);
            return;
        }

        // Resolved per request, not injected: FastEndpoints keeps processors as singletons across app instances.
        var services = http.RequestServices;
        var refusal = await RefusalAsync(
            services.GetRequiredService<IMongoCollection<Session>>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            userId, sessionId, ct);
        if (refusal is not null)
            await BearerChallenge.SendAsync(http, refusal);
    }

    /// <summary>
    /// One round trip answers all three questions: the token's session for its user, whether that user still exists (a lookup),
    /// and whether the session is live (judged by time in the query, since TTL removal lags). A session that is found for an
    /// existing user but not live has expired; anything else missing means the token was revoked.
    /// </summary>
    static async Task<BearerRefusal?> RefusalAsync(IMongoCollection<Session> sessions, DateTime now, string userId, string sessionId, CancellationToken ct)
    {
        // Ids come from a genuine token, yet a malformed one must read as invalid, not crash the ObjectId serializer.
        if (!ObjectId.TryParse(userId, out var user) || !ObjectId.TryParse(sessionId, out var session))
            return BearerChallenge.InvalidToken;

        var standing = await sessions.Aggregate(Standing.Query(session, user, now), cancellationToken: ct).SingleAsync(ct);
        return standing.Live.Count > 0 ? null
            : standing.Found.Count > 0 ? BearerChallenge.TokenExpired
            : BearerChallenge.TokenRevoked;
    }

    /// <summary>The token's session as one query sees it: <c>live</c> holds it while it has not expired, <c>found</c> whatever its time.</summary>
    sealed class Standing
    {
        // Written as BSON, its fixed parts built once, since rendering typed stages costs CPU on every request; the stored names
        // (camelCase by convention) are pinned to the entities' class maps by SessionCheckTests.
        static readonly BsonDocument UserLookup = new("$lookup", new BsonDocument
        {
            { "from", CollectionNames.Users },
            { "localField", "userId" },
            { "foreignField", "_id" },
            // A user whose deletion has begun is as good as gone: every token of theirs is refused from that moment.
            { "pipeline", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("deletingSince", new BsonDocument("$exists", false))),
                    new BsonDocument("$project", new BsonDocument("_id", 1)),
                }
            },
            { "as", "user" },
        });
        static readonly BsonDocument UserExists = new("$match", new BsonDocument("user", new BsonDocument("$ne", new BsonArray())));
        static readonly BsonDocument IdOnly = new("$project", new BsonDocument("_id", 1));

        public List<BsonDocument> Live { get; init; } = [];
        public List<BsonDocument> Found { get; init; } = [];

        public static PipelineDefinition<Session, Standing> Query(ObjectId session, ObjectId user, DateTime now) => PipelineDefinition<Session, Standing>.Create(
            new BsonDocument("$match", new BsonDocument { { "_id", session }, { "userId", user } }),
            UserLookup,
            UserExists,
            // A facet always answers one document, so an empty one still arrives and reads as revoked.
            new BsonDocument("$facet", new BsonDocument
            {
                { "live", new BsonArray { new BsonDocument("$match", new BsonDocument("expiresAt", new BsonDocument("$gt", now))), IdOnly } },
                { "found", new BsonArray { IdOnly } },
            }));
    }
}
