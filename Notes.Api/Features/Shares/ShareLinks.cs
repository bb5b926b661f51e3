namespace Notes.Api.Features.Shares;

/// <summary>
/// What a share link is made of: a token that is a <see cref="BearerSecrets">bearer secret</see>, in the URL as it is, shown once
/// and stored only as its hash.
/// </summary>
internal static class ShareLinks
{
    /// <summary>The dashboard's page for a link: the token follows.</summary>
    public const string PagePath = "/s";

    /// <summary>The anonymous read of a link: the token follows.</summary>
    public const string ApiPath = "/api/shared";

    /// <summary>The link's address on this site, as the dashboard serves it.</summary>
    public static string UrlOf(string token) => $"{PagePath}/{token}";

    /// <summary>The answer for every link that shows nothing: unknown, malformed, expired, revoked, its note trashed or gone. Made afresh for each answer.</summary>
    public static IResult NotFound() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "This link is not available.");
}
