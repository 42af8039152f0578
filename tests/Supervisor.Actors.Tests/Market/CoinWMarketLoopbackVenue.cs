using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Supervisor.Actors.Tests.Connection;

namespace Supervisor.Actors.Tests.Market;

/// <summary>
/// CoinW's public side of <c>/perpum</c> written from coinw.md (not from our codec): no login, subscribe acks that echo
/// the pairCode as sent, pongs, and <c>mark_price</c> pushes (lower-case pairCode) that the test sends to every socket
/// subscribed to that instrument. Counts connections and every subscribe it was sent.
/// </summary>
internal sealed class CoinWMarketLoopbackVenue : IAsyncDisposable
{
    private readonly LoopbackWebSocketServer _server;
    private readonly ConcurrentDictionary<Session, byte> _sessions = new();
    private int _connections;

    private CoinWMarketLoopbackVenue(LoopbackWebSocketServer server) => _server = server;

    public Uri Uri => _server.Uri;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every subscribe received, as (connection number, pairCode as sent).</summary>
    public ConcurrentQueue<(int Connection, string PairCode)> Subscribes { get; } = new();

    public static async Task<CoinWMarketLoopbackVenue> StartAsync()
    {
        CoinWMarketLoopbackVenue? venue = null;
        var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            var session = new Session(socket, Interlocked.Increment(ref venue!._connections));
            venue._sessions.TryAdd(session, 0);
            try
            {
                while (await LoopbackWebSocketServer.ReceiveTextAsync(context, socket) is { } text)
                {
                    using var command = JsonDocument.Parse(text);
                    var root = command.RootElement;
                    switch (root.GetProperty("event").GetString())
                    {
                        case "ping":
                            await session.SendAsync("""{"event":"pong"}""");
                            break;
                        case "sub":
                            var p = root.GetProperty("params");
                            var pair = p.GetProperty("pairCode").GetString()!;
                            venue.Subscribes.Enqueue((session.Number, pair));
                            session.Pairs.TryAdd(pair.ToLowerInvariant(), 0);
                            await session.SendAsync($$"""{"biz":"futures","pairCode":"{{pair}}","data":{"result":true},"channel":"subscribe","type":"{{p.GetProperty("type").GetString()}}"}""");
                            break;
                    }
                }
            }
            finally
            {
                venue._sessions.TryRemove(session, out _);
            }
        });
        venue = new CoinWMarketLoopbackVenue(server);
        return venue;
    }

    /// <summary>Pushes a mark price to every socket subscribed to the instrument; returns how many got it.</summary>
    public async Task<int> PushMarkAsync(string instrument, decimal price)
    {
        var pair = instrument.ToLowerInvariant();
        var frame = $$"""{"biz":"futures","pairCode":"{{pair}}","data":{"p":{{price.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"t":1790131588720,"n":"{{pair}}"},"type":"mark_price"}""";
        var sent = 0;
        foreach (var session in _sessions.Keys.Where(s => s.Pairs.ContainsKey(pair)))
        {
            await session.SendAsync(frame);
            sent++;
        }
        return sent;
    }

    /// <summary>Resets every socket (no close handshake).</summary>
    public void DropAll()
    {
        foreach (var session in _sessions.Keys)
        {
            session.Socket.Abort();
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class Session(WebSocket socket, int number)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket => socket;

        public int Number => number;

        public ConcurrentDictionary<string, byte> Pairs { get; } = new(StringComparer.Ordinal);

        public async Task SendAsync(string text)
        {
            await _send.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
