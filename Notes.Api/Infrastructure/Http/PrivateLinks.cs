using System.Text.RegularExpressions;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// Addresses whose last segment is a secret: whoever has one may read what it shows (a share link's token, in the dashboard's page
/// and in the API's read). Their answers are kept out of caches and search engines, and their raw paths out of the logs and traces,
/// where a path would otherwise be written whole (the request's log scope, the host's request lines, a trace's url.path). The
/// composition root names them, from what the features define.
/// </summary>
internal sealed class PrivateLinks
{
    public const string Placeholder = "{token}";

    readonly string[] _prefixes;
    readonly Regex _inText;

    public PrivateLinks(params string[] prefixes)
    {
        _prefixes = prefixes;
        // A prefix, a slash, then the secret up to the end of the path: anywhere in a text, as in "GET http://host/s/abc - 200".
        _inText = new Regex($"({string.Join('|', prefixes.Select(Regex.Escape))})/[^/?#\\s\"']+", RegexOptions.CultureInvariant);
    }

    /// <summary>Whether the path is one of these addresses, secret and all.</summary>
    public bool Holds(PathString path) =>
        _prefixes.Any(prefix => path.StartsWithSegments(prefix, out var rest) && rest.HasValue && rest.Value != "/");

    public bool AppearsIn(string text) => _inText.IsMatch(text);

    /// <summary>The text with every such address's secret replaced by <see cref="Placeholder"/>.</summary>
    public string Redact(string text) => _inText.Replace(text, $"$1/{Placeholder}");
}
