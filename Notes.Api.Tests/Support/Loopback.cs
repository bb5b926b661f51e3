using System.Net.Sockets;

namespace Notes.Api.Tests.Support;

public static class Loopback
{
    /// <summary>A TCP port that is free on the loopback interface right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
