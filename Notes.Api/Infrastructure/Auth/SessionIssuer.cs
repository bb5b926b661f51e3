using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Notes.Api.Infrastructure.Auth;

internal sealed record IssuedToken(string Token, DateTime ExpiresAt);

/// <summary>
/// Starts a session in the database and signs the token that names it. The session records the client it starts for (its
/// address, and its User-Agent in a few words), so a user can tell their sessions apart; the raw header is never kept.
/// </summary>
internal sealed class SessionIssuer(IMongoCollection<Session> sessions, IOptions<AuthOptions> options, TimeProvider clock)
{
    static readonly JsonWebTokenHandler Handler = new();

    public async Task<IssuedToken> StartAsync(string userId, string username, HttpContext client, CancellationToken ct)
    {
        var auth = options.Value;
        // Whole seconds: a JWT carries its times in seconds, and the session must expire exactly when the token does.
        var now = DateTime.UnixEpoch.AddSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var session = new Session
        {
            UserId = userId,
            CreatedAt = now,
            ExpiresAt = now + auth.TokenLifetime,
            Client = ClientDescription.Of(client.Request.Headers.UserAgent),
            ClientAddress = client.ClientAddress(),
        };
        await sessions.InsertOneAsync(session, cancellationToken: ct);

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim(TokenClaims.UserId, userId),
                new Claim(TokenClaims.Username, username),
                new Claim(TokenClaims.SessionId, session.Id),
            ]),
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = session.ExpiresAt,
            SigningCredentials = new SigningCredentials(auth.SecurityKey(), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, session.ExpiresAt);
    }
}
