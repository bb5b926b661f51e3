using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Notes.Api.Infrastructure.Http;

/// <summary>
/// The client address is the connection's. X-Forwarded-For is honoured only from the proxies listed in Http:KnownProxies,
/// since anyone else could forge it to dodge the sign-in throttle.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("Http:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));

            // With no proxy listed the middleware would trust every sender, so then it reads no forwarded header at all.
            options.ForwardedHeaders = options.KnownProxies.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });

    /// <summary>The address the throttle counts and the audit trail names: the connection's, or a known proxy's forwarded one.</summary>
    public static string ClientAddress(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
