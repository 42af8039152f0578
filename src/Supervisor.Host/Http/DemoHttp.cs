using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Configuration;
using Supervisor.Configuration;

namespace Supervisor.Host.Http;

/// <summary>
/// The demo's HTTP server: the reference configuration's <c>supervisor.http</c> with a one-time random token, on
/// <c>--http URL</c> or the default URL, or on a free port when the default is taken (the demo must start with one
/// command); once started, it prints the dashboard link with the token, as Jupyter does.
/// </summary>
internal static class DemoHttp
{
    /// <summary>The settings, or null (and why, on <paramref name="error"/>) when an explicit URL cannot be listened on.</summary>
    public static HttpSettings? Create(string? url, TextWriter output, TextWriter error)
    {
        var settings = HttpSettings.FromConfig(HoconLoader.Default(), CredentialSource.Default) with { Token = NewToken() };
        if (url is not null)
        {
            settings = settings.WithUrl(url);
            if (!CanListen(settings.Url))
            {
                error.WriteLine($"demo: --http {url}: the address is in use or cannot be listened on");
                return null;
            }
            return settings;
        }
        if (CanListen(settings.Url))
        {
            return settings;
        }
        var free = settings.WithUrl($"http://{new Uri(settings.Url).Host}:0");
        output.WriteLine($"http: {settings.Url} is in use; listening on a free port instead");
        return free;
    }

    /// <summary>Prints where the started <paramref name="host"/> listens and the link that logs a browser in.</summary>
    public static void Announce(IHost host, HttpSettings settings, TextWriter output)
    {
        var url = SupervisorHttp.ListeningOn(host);
        output.WriteLine($"http: listening on {url}");
        output.WriteLine($"dashboard: {url}/?token={settings.Token}");
    }

    // 256 random bits, URL-safe as it is, so the printed link needs no escaping.
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // A port another process holds fails to bind here too; Kestrel may still lose a race for it, which then fails the start.
    private static bool CanListen(string url)
    {
        var uri = new Uri(url);
        if (uri.Port == 0 || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return true;
        }
        try
        {
            var listener = new TcpListener(address, uri.Port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
