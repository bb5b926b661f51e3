namespace Notes.Api.Tests.Support;

/// <summary>The headers every response carries, whatever its status, and the two content security policies, spelled out in full.</summary>
public static class SecurityHeaderAssertions
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>An answer from the API: the API's policy, the common headers, and never cached.</summary>
    public static void HasApiSecurityHeaders(this HttpResponseMessage response)
    {
        response.HasSecurityHeaders(ApiPolicy);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    /// <summary>The common headers with this content security policy, over plain HTTP (so without Strict-Transport-Security).</summary>
    public static void HasSecurityHeaders(this HttpResponseMessage response, string contentSecurityPolicy)
    {
        Assert.Equal(contentSecurityPolicy, response.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Equal("same-origin", response.Header("Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", response.Header("Cross-Origin-Resource-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=(), payment=(), usb=()", response.Header("Permissions-Policy"));
        Assert.Null(response.Header("Strict-Transport-Security"));
        Assert.Null(response.Header("Server"));
        Assert.Null(response.Header("X-Powered-By"));
    }

    /// <summary>A header's value whether it sits with the response or with its content; null when absent.</summary>
    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
