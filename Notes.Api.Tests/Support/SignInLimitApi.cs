using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace Notes.Api.Tests.Support;

/// <summary>
/// An API where three failed sign-ins lock a username out, in a window (15 minutes) that never passes unless a test moves the clock;
/// requests may choose the client address they arrive from (<see cref="PeerAddress"/>).
/// </summary>
public class SignInLimitApi : ApiFactory
{
    public const int MaxFailedLogins = 3;

    protected override Dictionary<string, string> Settings => new(base.Settings)
    {
        ["Auth:MaxFailedLogins"] = MaxFailedLogins.ToString(CultureInfo.InvariantCulture),
        ["Auth:LockoutWindow"] = "00:15:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.AddTo(builder);
    }
}
