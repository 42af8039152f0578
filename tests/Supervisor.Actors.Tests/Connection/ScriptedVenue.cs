using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Supervisor.Actors.Tests.Connection;

/// <summary>
/// A loopback venue for <see cref="ScriptedProtocol"/>: answers login, subscribe and ping, and pushes whatever the
/// test writes to <see cref="Push"/>; "drop" resets the socket.
/// </summary>
internal sealed class ScriptedVenue : IAsyncDisposable
{
    private readonly LoopbackWebSocketServer _server;

    private ScriptedVenue(LoopbackWebSocketServer server)
    {
        _server = server;
    }

    public Channel<string> Push { get; } = Channel.CreateUnbounded<string>();

    public Uri Uri => _server.Uri;

    public static async Task<ScriptedVenue> StartAsync(string loginReply = "login-ok", bool greet = false)
    {
        ScriptedVenue? venue = null;
        var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            if (greet)
            {
                await Send(socket, "greet");
            }
            var pushing = PushLoop(context, socket, venue!.Push.Reader);
            while (await LoopbackWebSocketServer.ReceiveTextAsync(context, socket) is { } text)
            {
                var reply = text switch
                {
                    "login" => loginReply,
                    "ping" => "pong",
                    _ when text.StartsWith("sub:", StringComparison.Ordinal) => "ack:" + text[4..],
                    _ => null,
                };
                if (reply is not null)
                {
                    await Send(socket, reply);
                }
            }
            await pushing;
        });
        venue = new ScriptedVenue(server);
        return venue;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task PushLoop(Microsoft.AspNetCore.Http.HttpContext context, WebSocket socket, ChannelReader<string> pushes)
    {
        try
        {
            await foreach (var push in pushes.ReadAllAsync(context.RequestAborted))
            {
                if (push == "drop")
                {
                    context.Abort();
                    return;
                }
                await Send(socket, push);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private static readonly SemaphoreSlim SendLock = new(1, 1);

    private static async Task Send(WebSocket socket, string text)
    {
        await SendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
        }
        finally
        {
            SendLock.Release();
        }
    }
}
