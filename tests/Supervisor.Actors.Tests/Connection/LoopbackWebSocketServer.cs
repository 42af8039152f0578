using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Supervisor.Actors.Tests.Connection;

/// <summary>A Kestrel WebSocket server on 127.0.0.1 whose per-connection behaviour the test supplies.</summary>
internal sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackWebSocketServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    public static async Task<LoopbackWebSocketServer> StartAsync(Func<HttpContext, WebSocket, Task> session)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Sessions that are still open when the test ends are cut after a moment instead of Kestrel's 30 s.
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromMilliseconds(200));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await session(context, socket);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackWebSocketServer(app, new Uri(address.Replace("http://", "ws://") + "/ws"));
    }

    /// <summary>The next message the client sends, or null once the socket has closed or the request was aborted.</summary>
    public static async Task<string?> ReceiveTextAsync(HttpContext context, WebSocket socket)
    {
        var buffer = new byte[8192];
        try
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            return result.MessageType == WebSocketMessageType.Close ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count);
        }
        catch (Exception) when (socket.State != WebSocketState.Open || context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
