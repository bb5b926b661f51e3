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
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("Http:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
}
