using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Supervisor.Actors.Tests.Connection;

namespace Supervisor.Actors.Tests.Protocol;

/// <summary>
/// A minimal CoinW private socket written from coinw.md (not from our codec): checks the login's key and secret,
/// acks subscribes, answers pings, and pushes what the test queues once every private channel is subscribed.
/// </summary>
internal sealed class CoinWLoopbackVenue : IAsyncDisposable
{
    private readonly LoopbackWebSocketServer _server;

    private CoinWLoopbackVenue(LoopbackWebSocketServer server) => _server = server;

    public Channel<string> Push { get; } = Channel.CreateUnbounded<string>();

    public Uri Uri => _server.Uri;

    public static async Task<CoinWLoopbackVenue> StartAsync(string apiKey, string secret)
    {
        CoinWLoopbackVenue? venue = null;
        var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            var send = new SemaphoreSlim(1, 1);
            async Task Send(string text)
            {
                await send.WaitAsync();
                try
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                }
                finally
                {
                    send.Release();
                }
            }
            var subscribed = 0;
            Task? pushing = null;
            while (await LoopbackWebSocketServer.ReceiveTextAsync(context, socket) is { } text)
            {
                using var command = JsonDocument.Parse(text);
                var root = command.RootElement;
                switch (root.GetProperty("event").GetString())
                {
                    case "ping":
                        await Send("""{"event":"pong"}""");
                        break;
                    case "login":
                        var p = root.GetProperty("params");
                        var ok = p.GetProperty("api_key").GetString() == apiKey && p.GetProperty("passphrase").GetString() == secret;
                        await Send(ok ? """{"data":{"result":true},"channel":"login"}""" : """{"channel":"login","data":{"result":false,"errorCode":401,"errorMsg":"invalid api key"}}""");
                        break;
                    case "sub":
                        var type = root.GetProperty("params").GetProperty("type").GetString();
                        await Send($$"""{"biz":"futures","data":{"result":true},"channel":"subscribe","type":"{{type}}"}""");
                        if (++subscribed == 5)
                        {
                            pushing = Task.Run(async () =>
                            {
                                await foreach (var push in venue!.Push.Reader.ReadAllAsync(context.RequestAborted))
                                {
                                    await Send(push);
                                }
                            });
                        }
                        break;
                }
            }
            if (pushing is not null)
            {
                try
                {
                    await pushing;
                }
                catch (OperationCanceledException)
                {
                    // The socket ended.
                }
            }
        });
        venue = new CoinWLoopbackVenue(server);
        return venue;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
