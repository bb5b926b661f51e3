using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Notes.Api.Tests.Support;

/// <summary>
/// The in-memory test server's connections have no peer address, where a real socket always has one and the app keys on it
/// (the sign-in throttle, the audit trail). This gives each request one, loopback or the test's choice in <see cref="Header"/>,
/// before any of the app's middleware runs.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public static void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());

    /// <summary>A POST of <paramref name="body"/> as JSON that arrives from <paramref name="peer"/>.</summary>
    public static HttpRequestMessage Post(string path, object body, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(Header, peer);
        return request;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            http.Connection.RemoteIpAddress = http.Request.Headers.Remove(Header, out var chosen)
                ? IPAddress.Parse(chosen.ToString())
                : IPAddress.Loopback;
            return rest(http);
        });
        next(app);
    };
}
