using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// What a personal access token looks like: <c>nsp_</c> and 32 random bytes in base64url (256 bits, 43 characters), so a bearer
/// value tells itself apart from a session JWT by its first four characters. Only the SHA-256 of the part after the prefix is
/// stored: a secret this long needs no salt nor a slow hash, and one hash finds it by an index.
/// </summary>
internal static class AccessTokens
{
    public const string Prefix = "nsp_";

    const int SecretBytes = 32;

    /// <summary>A new token, and the hash to store in its place.</summary>
    public static (string Token, string Hash) New()
    {
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(SecretBytes));
        return (Prefix + secret, HashOf(secret));
    }

    /// <summary>Whether a bearer value is an access token (rather than a session JWT, which never starts so).</summary>
    public static bool IsAccessToken(string bearer) => bearer.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The hash a token is stored under. Any text has one, so a malformed token is looked up, and not found, like a wrong one.</summary>
    public static string HashOfToken(string token) => HashOf(token[Prefix.Length..]);

    static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
