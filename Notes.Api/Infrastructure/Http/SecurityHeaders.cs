namespace Notes.Api.Infrastructure.Http;

internal static class SecurityHeaders
{
    // The dashboard is a built bundle of files from this origin: no inline script or style, no plugins, no framing.
    const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // API answers are data, never documents: nothing in them may load or run anything.
    const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    // The API reference page (Swagger UI) boots from an inline script and inline styles; it gets those and nothing more.
    const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    const string DeniedFeatures = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>Kestrel names itself in a Server header unless told not to; nobody needs to know what serves the app.</summary>
    public static WebApplicationBuilder HideServerHeader(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            // Set as the response starts, since the exception handler clears every header set before an error.
            http.Response.OnStarting(() =>
            {
                AddTo(http);
                return Task.CompletedTask;
            });
            return next(http);
        });

    static void AddTo(HttpContext http)
    {
        var path = http.Request.Path;
        var isApi = Surfaces.IsApi(path);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = isApi ? ApiPolicy : Surfaces.IsDocs(path) ? DocsPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = DeniedFeatures;
        // IsHttps honours X-Forwarded-Proto only from the proxies in Http:KnownProxies (see TrustedProxies).
        if (http.Request.IsHttps)
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        // A private link's page and its API answers are for whoever holds the link: never cached, never indexed (Referrer-Policy
        // above already keeps the address from the sites a page links to).
        var privateLink = http.RequestServices.GetService<PrivateLinks>()?.Holds(path) == true;
        if (isApi || privateLink)
            headers.CacheControl = "no-store";
        if (privateLink)
            headers["X-Robots-Tag"] = "noindex";
    }
}
