using System.Globalization;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// How a request with an Idempotency-Key goes on: to create what it asks for, under this id; to answer again with what an earlier
/// attempt created; or refused.
/// </summary>
internal sealed record IdempotencyClaim(string? ResourceId = null, BsonDocument? Answered = null, IResult? Refusal = null);

/// <summary>
/// The Idempotency-Key header (IETF httpapi draft) for requests that create something. The first request with a key is processed
/// and its answer kept for a day, per user, so a client that retries after losing the answer (a timeout, or a 503 although the
/// write went through) is given that answer again rather than a second note. What the request creates gets its id at the first
/// attempt and keeps it through every retry, so even an attempt that died unanswered, or two running at once, create it only once.
/// Kept in MongoDB, so any instance answers a retry; expiry is enforced by time here, the TTL index only tidies up.
/// </summary>
internal sealed class IdempotencyKeys(IMongoCollection<IdempotentRequest> requests, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>An attempt unanswered this long has died (a request answers or gives up within seconds): a retry takes it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    public async Task<IdempotencyClaim> BeginAsync(HttpContext http, string ownerId, string key, string fingerprint, CancellationToken ct)
    {
        var id = IdOf(ownerId, key);
        while (true)
        {
            var now = clock.UtcNowForMongo();
            try
            {
                var first = new IdempotentRequest
                {
                    Id = id,
                    Fingerprint = fingerprint,
                    ResourceId = ObjectId.GenerateNewId().ToString(),
                    StartedAt = now,
                    ExpiresAt = now + Retention,
                };
                await requests.InsertOneAsync(first, cancellationToken: ct);
                return new(ResourceId: first.ResourceId);
            }
            catch (MongoException ex) when (ex.IsDuplicateKey())
            {
            }

            var kept = await requests.Find(r => r.Id == id).FirstOrDefaultAsync(ct);
            if (kept is null)
                continue;
            if (kept.ExpiresAt <= now)
            {
                await requests.DeleteManyAsync(r => r.Id == id && r.ExpiresAt <= now, ct);
                continue;
            }
            if (kept.Fingerprint != fingerprint)
            {
                return new(Refusal: Problems.Of(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused,
                    "This Idempotency-Key was sent before with another request: use a new key for a new request."));
            }
            if (kept.Answer is { } answer)
                return new(Answered: answer);
            if (kept.StartedAt > now - Lease)
            {
                // Until the lease ends, so that a client waiting as told retries when it may take over: the dashboard's last retry
                // came 8 s after a 503 without it, inside the lease when that 503 took less than 2 s (the default timeout is 1.4 s).
                var leaseLeft = (int)Math.Ceiling((kept.StartedAt + Lease - now).TotalSeconds);
                http.Response.Headers.RetryAfter = Math.Max(1, leaseLeft).ToString(CultureInfo.InvariantCulture);
                return new(Refusal: Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.IdempotencyKeyInProgress,
                    "The first request with this Idempotency-Key is still running: try again in a moment."));
            }

            // An update of many (of at most one, by id), which the embedded engine checks its filter for as it writes.
            var taken = await requests.UpdateManyAsync(
                new BsonDocument { { "_id", id }, { "startedAt", kept.StartedAt }, Unanswered },
                Builders<IdempotentRequest>.Update.Set(r => r.StartedAt, now), cancellationToken: ct);
            if (taken.MatchedCount == 1)
                return new(ResourceId: kept.ResourceId);
        }
    }

    /// <summary>Keeps what the request created, as its answer gives it, for its repeats.</summary>
    public Task CompleteAsync(string ownerId, string key, BsonDocument answer, CancellationToken ct) =>
        requests.UpdateManyAsync(r => r.Id == IdOf(ownerId, key), Builders<IdempotentRequest>.Update.Set(r => r.Answer, answer), cancellationToken: ct);

    /// <summary>
    /// Tells that the request is still at work, for one that may run longer than <see cref="Lease"/> (an import): a retry meanwhile
    /// is told to wait rather than taking over from an attempt that is alive.
    /// </summary>
    public Task RenewAsync(string ownerId, string key, CancellationToken ct) =>
        requests.UpdateManyAsync(new BsonDocument { { "_id", IdOf(ownerId, key) }, Unanswered },
            Builders<IdempotentRequest>.Update.Set(r => r.StartedAt, clock.UtcNowForMongo()), cancellationToken: ct);

    /// <summary>Forgets a request that was refused (a limit reached): its repeat is judged afresh, as a new request.</summary>
    public Task ReleaseAsync(string ownerId, string key, CancellationToken ct) =>
        requests.DeleteManyAsync(new BsonDocument { { "_id", IdOf(ownerId, key) }, Unanswered }, ct);

    // Written as $exists: the embedded engine's writes do not match a stored null (nor a missing field) by {answer: null}.
    static readonly BsonElement Unanswered = new("answer", new BsonDocument("$exists", false));

    static string IdOf(string ownerId, string key) => $"{ownerId}:{key}";
}

internal static class IdempotencySetup
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) => services.AddScoped<IdempotencyKeys>();
}
