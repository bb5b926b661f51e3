using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// Global pre-processor on every endpoint that is not anonymous. The JWT handler has already proved the token genuine;
/// this proves it still stands: its session exists for its user, has not expired, and the user still exists.
/// </summary>
internal sealed class SessionCheck : IGlobalPreProcessor
{
    /// <summary>Puts the check, and the 401 it may answer, on an endpoint that does not allow anonymous callers.</summary>
    public static void GuardUnlessAnonymous(EndpointDefinition endpoint)
    {
        if (endpoint.AnonymousVerbs is { Length: > 0 })
            return;
        endpoint.PreProcessor<SessionCheck>(Order.Before);
        endpoint.Description(d => d.ProducesProblemDetails(StatusCodes.Status401Unauthorized));
    }

    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var userId = http.User.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var sessionId = http.User.FindFirstValue(JwtRegisteredClaimNames.Jti);
        if (userId is null || sessionId is null)
        {
            await BearerChallenge.SendAsync(http, BearerChallenge.InvalidToken);
            return;
        }

        // Resolved per request, not injected: FastEndpoints keeps processors as singletons across app instances.
        var services = http.RequestServices;
        var refusal = await RefusalAsync(
            services.GetRequiredService<IMongoCollection<Session>>(),
            services.GetRequiredService<IMongoCollection<User>>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            userId, sessionId, ct);
        if (refusal is not null)
            await BearerChallenge.SendAsync(http, refusal);
    }

    static async Task<string?> RefusalAsync(
        IMongoCollection<Session> sessions, IMongoCollection<User> users, DateTime now, string userId, string sessionId, CancellationToken ct)
    {
        // Ids come from a genuine token, yet a malformed one must read as invalid, not crash the ObjectId serializer.
        if (!MongoDB.Bson.ObjectId.TryParse(userId, out _) || !MongoDB.Bson.ObjectId.TryParse(sessionId, out _))
            return BearerChallenge.InvalidToken;

        var session = await sessions.Find(s => s.Id == sessionId && s.UserId == userId).FirstOrDefaultAsync(ct);
        if (session is null)
            return BearerChallenge.TokenRevoked;
        if (session.ExpiresAt <= now)
            return BearerChallenge.TokenExpired;

        var userExists = await users.Find(u => u.Id == userId).AnyAsync(ct);
        return userExists ? null : BearerChallenge.TokenRevoked;
    }
}
