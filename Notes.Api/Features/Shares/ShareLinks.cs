using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Notes.Api.Features.Shares;

/// <summary>
/// What a share link is made of: a token of 32 random bytes (256 bits), base64url so it sits in a URL as it is, shown once and
/// stored only as its SHA-256. A hash without a salt is enough here: the token is random, not chosen by a person, so there is no
/// dictionary to try against a stolen hash.
/// </summary>
internal static class ShareLinks
{
    /// <summary>The dashboard's page for a link: the token follows.</summary>
    public const string PagePath = "/s";

    /// <summary>The anonymous read of a link: the token follows.</summary>
    public const string ApiPath = "/api/shared";

    const int TokenBytes = 32;

    /// <summary>43 characters of base64url without padding: anything else is no token this API made.</summary>
    const int TokenLength = 43;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string HashOf(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text can be a token at all: the length and alphabet base64url gives 32 bytes.</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The link's address on this site, as the dashboard serves it.</summary>
    public static string UrlOf(string token) => $"{PagePath}/{token}";

    /// <summary>The answer for every link that shows nothing: unknown, malformed, expired, revoked, its note trashed or gone. Made afresh for each answer.</summary>
    public static IResult NotFound() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "This link is not available.");
}
