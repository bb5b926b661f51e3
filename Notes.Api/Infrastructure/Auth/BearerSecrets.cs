using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// The one way to make a secret that whoever holds it may use (a personal access token, a share link): 32 random bytes (256 bits)
/// in base64url without padding, <see cref="Length"/> characters that sit in a header or a URL as they are, shown once and stored
/// only as <see cref="HashOf"/>. A hash without a salt, and a fast one, is enough: the secret is random, not chosen by a person, so
/// there is no dictionary to try against a stolen hash, and one hash finds the secret's document by a unique index.
/// </summary>
internal static class BearerSecrets
{
    const int Bytes = 32;

    /// <summary>The characters of every secret <see cref="New"/> makes: base64url of 32 bytes, unpadded.</summary>
    public const int Length = 43;

    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Whether the text can be a secret at all, by the length and alphabet <see cref="New"/> gives: anything else is none this API made.</summary>
    public static bool IsWellFormed(string text) => text.Length == Length && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// What is stored in a secret's place: the SHA-256 of its UTF-8, in lower-case hex. Any text has one, so a malformed secret is
    /// looked up, and not found, like a wrong one; 64 characters, so a stored hash is never taken for a secret.
    /// </summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
