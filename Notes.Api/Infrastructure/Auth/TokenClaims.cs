using Microsoft.IdentityModel.JsonWebTokens;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// The claims a token carries, named for what they hold: the issuer writes them, the session check reads them, and a request
/// binds them with <c>[FromClaim(TokenClaims.UserId)]</c>.
/// </summary>
internal static class TokenClaims
{
    public const string UserId = JwtRegisteredClaimNames.Sub;
    public const string Username = JwtRegisteredClaimNames.Name;
    public const string SessionId = JwtRegisteredClaimNames.Jti;
    public const string ExpiresAt = JwtRegisteredClaimNames.Exp;

    /// <summary>A personal access token's scope (<see cref="AccessTokenScope"/>); a session carries none.</summary>
    public const string Scope = "scope";
}
