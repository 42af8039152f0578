using System.Net;
using System.Net.Sockets;

namespace Supervisor.Cluster.Tests;

/// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago (for nodes, and for a venue that never answers).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
