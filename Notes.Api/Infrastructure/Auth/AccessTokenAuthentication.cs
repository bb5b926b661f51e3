using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer nsp_…</c>: the bearer scheme (<see cref="BearerScheme"/>) sends such a value here and
/// any other to the JWT handler, so an access token is never parsed as a JWT. One query finds the token by its hash, its owner
/// (who must still exist, and not be being deleted), whether it has expired, and whether this address is over the limit of failed
/// token attempts; a refusal is answered as a session's is (401), or 429 over the limit. The session check then leaves the
/// principal alone: the token is its own proof. <see cref="AccessTokenScopes"/> decides what it may reach.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IMongoCollection<AccessToken> tokens,
    Throttles throttles,
    IOptions<AuthOptions> auth,
    TimeProvider clock,
    Audit audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "AccessToken";

    /// <summary>The default scheme: a policy that picks the access-token handler or the JWT handler by the bearer value's prefix.</summary>
    public const string BearerScheme = "BearerOrAccessToken";

    /// <summary>What the query made of the token, for the challenge to answer.</summary>
    BearerRefusal? _refusal;
    Throttle? _throttle;

    public static void AddTo(AuthenticationBuilder authentication) =>
        authentication
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(SchemeName, null)
            .AddPolicyScheme(BearerScheme, "Session JWT or personal access token", o =>
                o.ForwardDefaultSelector = http => BearerValue(http.Request) is { } bearer && AccessTokens.IsAccessToken(bearer)
                    ? SchemeName
                    : JwtBearerDefaults.AuthenticationScheme);

    /// <summary>The value of <c>Authorization: Bearer …</c>, as the JWT handler reads it (the scheme's name in any case).</summary>
    static string? BearerValue(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerValue(Request)!;
        var now = clock.UtcNowForMongo();
        var standing = await tokens.Aggregate(Standing.Query(AccessTokens.HashOfToken(token), ThrottleKeyOf(Context), now), cancellationToken: Context.RequestAborted)
            .SingleAsync(Context.RequestAborted);

        if (standing.Throttle.FirstOrDefault() is { } throttle && throttle.Count >= auth.Value.MaxFailedLogins)
        {
            _throttle = throttle;
            return AuthenticateResult.Fail("Too many failed access token attempts from this address");
        }
        if (standing.Live.FirstOrDefault() is not { } live)
        {
            _refusal = standing.Found.Count > 0 ? BearerChallenge.TokenExpired : BearerChallenge.TokenRevoked;
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired");
        }

        await NoteUseAsync(live, now);
        var identity = new ClaimsIdentity(
            [new Claim(TokenClaims.UserId, live.OwnerId), new Claim(TokenClaims.Scope, live.Scope)], SchemeName, TokenClaims.UserId, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// Keeps <c>lastUsedAt</c> to the minute: written only when the stored minute is another, and only if no request wrote it
    /// since (an update of one, whose filter the embedded engine honours), so a script calling many times a minute writes once.
    /// </summary>
    Task NoteUseAsync(AccessToken live, DateTime now)
    {
        var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        if (live.LastUsedAt == minute)
            return Task.CompletedTask;
        var filter = Builders<AccessToken>.Filter;
        return tokens.UpdateOneAsync(
            filter.Eq(t => t.Id, live.Id) & (live.LastUsedAt is { } last ? filter.Eq(t => t.LastUsedAt, last) : filter.Exists(t => t.LastUsedAt, false)),
            Builders<AccessToken>.Update.Set(t => t.LastUsedAt, minute),
            cancellationToken: Context.RequestAborted);
    }

    /// <summary>A token was sent and refused: counted toward the address's limit, then answered as a refused session is, or 429 over the limit.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (_refusal is not null)
        {
            audit.AccessTokenRefused(Context.ClientAddress());
            var tally = await throttles.CountAsync(ThrottleKeyOf(Context), now, auth.Value.LockoutWindow, Context.RequestAborted);
            if (tally.Count <= auth.Value.MaxFailedLogins)
            {
                await BearerChallenge.SendAsync(Context, _refusal);
                return;
            }
            _throttle = tally;
        }

        var wait = Throttles.RetryAfterSeconds(_throttle ?? throw new InvalidOperationException("A challenge without a refusal"), now);
        audit.AccessTokenThrottled(Context.ClientAddress(), wait);
        await Context.Response.SendResultAsync(Throttles.TooManyRequests(Context, wait, "Too many failed access token attempts."));
    }

    /// <summary>The token is good, but not for this request (see <see cref="AccessTokenScopes"/>).</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => BearerChallenge.SendInsufficientScopeAsync(Context);

    static string ThrottleKeyOf(HttpContext http) => $"token|{http.ClientAddress()}";

    /// <summary>The token as one query sees it: <c>live</c> holds it while it has not expired, <c>found</c> whatever its time, and <c>throttle</c> the address's failed attempts.</summary>
    sealed class Standing
    {
        // Written as BSON, its fixed parts built once, as the session check's query is; the stored names are the entities' (camelCase).
        static readonly BsonDocument OwnerLookup = new("$lookup", new BsonDocument
        {
            { "from", CollectionNames.Users },
            { "localField", "ownerId" },
            { "foreignField", "_id" },
            // An owner whose deletion has begun is as good as gone: their tokens are refused from that moment, as their sessions are.
            { "pipeline", new BsonArray
                {
                    new BsonDocument("$match", new BsonDocument("deletingSince", new BsonDocument("$exists", false))),
                    new BsonDocument("$project", new BsonDocument("_id", 1)),
                }
            },
            { "as", "owner" },
        });
        static readonly BsonDocument OwnerExists = new("$match", new BsonDocument("owner", new BsonDocument("$ne", new BsonArray())));
        static readonly BsonDocument IdOnly = new("$project", new BsonDocument("_id", 1));

        public List<AccessToken> Live { get; init; } = [];
        public List<BsonDocument> Found { get; init; } = [];
        public List<Throttle> Throttle { get; init; } = [];

        public static PipelineDefinition<AccessToken, Standing> Query(string tokenHash, string throttleKey, DateTime now) => PipelineDefinition<AccessToken, Standing>.Create(
            new BsonDocument("$match", new BsonDocument("tokenHash", tokenHash)),
            OwnerLookup,
            OwnerExists,
            // A facet always answers one document, so an unknown token still arrives, and the address's count is joined to it.
            new BsonDocument("$facet", new BsonDocument
            {
                { "live", new BsonArray
                    {
                        new BsonDocument("$match", new BsonDocument("$or", new BsonArray
                        {
                            new BsonDocument("expiresAt", new BsonDocument("$exists", false)),
                            new BsonDocument("expiresAt", new BsonDocument("$gt", now)),
                        })),
                        new BsonDocument("$project", new BsonDocument("owner", 0)),
                    }
                },
                { "found", new BsonArray { IdOnly } },
            }),
            new BsonDocument("$lookup", new BsonDocument
            {
                { "from", CollectionNames.Throttles },
                { "pipeline", new BsonArray
                    {
                        new BsonDocument("$match", new BsonDocument { { "_id", throttleKey }, { "windowEndsAt", new BsonDocument("$gt", now) } }),
                    }
                },
                { "as", "throttle" },
            }));
    }
}
