using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>
/// ChainUP's public futures socket <c>/kline-api/ws</c> (chainup.md §3), market data only, no login:
/// <c>{"event":"sub"|"unsub","params":{"channel":…,"cb_id":…}}</c> with no acknowledgement; <c>mark_price_&lt;s&gt;</c>
/// pushed once right after the sub (our choice: the venue sends no ack) and then every cadence of the simulator's clock; every server frame gzip binary; the server pings every 10 s and
/// takes the client's pongs. Unknown channels are silently ignored, as on the venue; a client <c>ping</c>, non-JSON,
/// or a command it cannot read closes the socket with 1000 "Bye" (what the probed tenants do to unusable frames).
/// </summary>
internal sealed class ChainUpPublicEndpoint(SimulatorOptions options, MarkPriceFeed marks)
{
    public async Task HandleAsync(HttpContext context)
    {
        var clock = options.TimeProvider;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket, clock, options.MaxClientFrameBytes);
        var pump = session.PumpAsync(context.RequestAborted);
        var channels = new HashSet<Instrument>();
        void OnMarks()
        {
            Instrument[] subscribed;
            lock (channels)
            {
                subscribed = [.. channels];
            }
            foreach (var instrument in subscribed)
            {
                session.SendBinary(ChainUpFrames.Gzip(ChainUpPublicFrames.MarkPrice(instrument, marks.Current(instrument.Base), clock.GetUtcNow())));
            }
        }
        marks.Ticked += OnMarks;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var pings = PingLoopAsync(session, stop.Token);
        try
        {
            while (true)
            {
                var received = await session.ReceiveAsync(null, context.RequestAborted);
                if (received.End == ReceiveEnd.TooLarge)
                {
                    session.Close(WebSocketCloseStatus.MessageTooBig, $"frame exceeds {options.MaxClientFrameBytes} bytes");
                    break;
                }
                if (received.Text is not { } text)
                {
                    break;
                }
                if (Command(text) is not { } command)
                {
                    session.Close(WebSocketCloseStatus.NormalClosure, "Bye");
                    break;
                }
                var (subscribe, channel) = command;
                if (channel is null || !channel.StartsWith(ChainUpPublicFrames.MarkPricePrefix, StringComparison.Ordinal)
                    || Instrument.All.FirstOrDefault(i => i.SymbolToken == channel[ChainUpPublicFrames.MarkPricePrefix.Length..]) is not { } instrument)
                {
                    // A pong, or a channel this simulator does not serve: the venue ignores those without a word.
                    continue;
                }
                var fresh = false;
                lock (channels)
                {
                    if (subscribe)
                    {
                        fresh = channels.Add(instrument);
                    }
                    else
                    {
                        channels.Remove(instrument);
                    }
                }
                if (fresh)
                {
                    // The venue acks nothing; the current mark right away tells the client (and tests on a manual clock) that the sub took.
                    session.SendBinary(ChainUpFrames.Gzip(ChainUpPublicFrames.MarkPrice(instrument, marks.Current(instrument.Base), clock.GetUtcNow())));
                }
            }
        }
        finally
        {
            marks.Ticked -= OnMarks;
            await stop.CancelAsync();
            await pings;
            session.Complete();
            await pump;
        }
    }

    /// <summary>
    /// (true/false, channel) for sub/unsub, (_, null) for frames to ignore (pongs, history requests), null for frames
    /// that end the socket.
    /// </summary>
    private static (bool Subscribe, string? Channel)? Command(string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("ping", out _))
        {
            return null;
        }
        if (root.TryGetProperty("pong", out _))
        {
            return (false, null);
        }
        var @event = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (@event is not ("sub" or "unsub" or "req")
            || !root.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return @event == "req" ? (false, null) : (@event == "sub", channel.GetString());
    }

    private async Task PingLoopAsync(Session session, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.ChainUpPublicPingInterval, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                session.SendBinary(ChainUpFrames.Gzip(ChainUpPublicFrames.Ping(options.TimeProvider.GetUtcNow())));
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
