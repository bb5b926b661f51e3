namespace Notes.Api.Infrastructure.Auth;

/// <summary>
/// A session's client in a few words a person recognises (<c>Firefox on Linux</c>, <c>curl</c>), read from its User-Agent.
/// The answer is built only from the names below, never from the header's own text, so whatever a client sends, what is
/// stored and shown is short (under 40 characters, well within the 200 a session may keep) and cannot carry markup or a
/// tracking string. A header it does not recognise is an <see cref="Unknown"/> client.
/// </summary>
internal static class ClientDescription
{
    public const string Unknown = Session.UnknownClient;

    // Command-line and programming clients name themselves first ("curl/8.5.0").
    static readonly (string Prefix, string Name)[] Tools =
    [
        ("curl/", "curl"), ("Wget/", "Wget"), ("HTTPie/", "HTTPie"), ("PostmanRuntime/", "Postman"), ("python-requests/", "Python requests"),
    ];

    // Order matters: browsers built on another carry its token too (Edge and Opera say "Chrome/", Chrome says "Safari/"),
    // so the most specific token is looked for first.
    static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("Edge/", "Edge"),
        ("OPR/", "Opera"), ("OPiOS/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ];

    // iOS and Android before the systems whose names their headers also hold ("like Mac OS X", "Linux; Android").
    static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iOS"), ("iPod", "iOS"),
        ("Android", "Android"),
        ("CrOS", "ChromeOS"),
        ("Windows", "Windows"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"),
        ("Linux", "Linux"), ("X11", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return Unknown;

        foreach (var (prefix, name) in Tools)
            if (userAgent.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return name;

        // Every browser's header starts so; without it, a Safari or Chrome token is some other program's.
        var browser = userAgent.StartsWith("Mozilla/", StringComparison.Ordinal) ? NameOf(userAgent, Browsers) : null;
        var system = NameOf(userAgent, Systems);
        return (browser, system) switch
        {
            ({ } b, { } s) => $"{b} on {s}",
            ({ } b, null) => b,
            (null, { } s) => $"{Unknown} on {s}",
            _ => Unknown,
        };
    }

    static string? NameOf(string userAgent, (string Token, string Name)[] names)
    {
        foreach (var (token, name) in names)
            if (userAgent.Contains(token, StringComparison.Ordinal))
                return name;
        return null;
    }
}
