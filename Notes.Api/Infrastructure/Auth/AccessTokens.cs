namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// What a personal access token looks like: <c>nsp_</c> and a <see cref="BearerSecrets">bearer secret</see>, so a bearer value
/// tells itself apart from a session JWT by its first four characters. Only the hash of the part after the prefix is stored.
/// </summary>
internal static class AccessTokens
{
    public const string Prefix = "nsp_";

    /// <summary>A new token, and the hash to store in its place.</summary>
    public static (string Token, string Hash) New()
    {
        var secret = BearerSecrets.New();
        return (Prefix + secret, BearerSecrets.HashOf(secret));
    }

    /// <summary>Whether a bearer value is an access token (rather than a session JWT, which never starts so).</summary>
    public static bool IsAccessToken(string bearer) => bearer.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The hash a token is stored under. Any text has one, so a malformed token is looked up, and not found, like a wrong one.</summary>
    public static string HashOfToken(string token) => BearerSecrets.HashOf(token[Prefix.Length..]);
}
