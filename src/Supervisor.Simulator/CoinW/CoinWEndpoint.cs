using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>
/// CoinW's <c>/perpum</c>, public and private on one socket: login with api key and raw secret; sub / unsub acks;
/// ping/pong; pushes of order / position / position_change / assets changes to subscribed sessions only (no initial
/// snapshot); mark_price pushes every cadence without login; sockets silent for 60 s dropped. Commands it cannot
/// route get CoinW's bare 500 error; it never lets a client frame end the socket except one larger than it accepts.
/// </summary>
internal sealed class CoinWEndpoint(IReadOnlyDictionary<string, AccountModel> accountsByKey, SimulatorOptions options, MarkPriceFeed marks)
{
    private static readonly (int, string) InvalidParameter = (1007, "Invalid parameter");
    private static readonly (int, string) RateLimit = (1001, "Rate Limit");

    public async Task HandleAsync(HttpContext context)
    {
        var clock = options.TimeProvider;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket, clock, options.MaxClientFrameBytes);
        var pump = session.PumpAsync(context.RequestAborted);
        AccountModel? account = null;
        var subscriptions = new CoinWSubscriptions();
        void OnChange(ModelChange change)
        {
            var (channel, frame) = CoinWFrames.For(change, account!.UserId, clock.GetUtcNow());
            if (subscriptions.Has(channel))
            {
                session.Send(frame);
            }
        }
        void OnMarks()
        {
            foreach (var pairCode in subscriptions.ServedMarks())
            {
                session.Send(CoinWFrames.MarkPrice(pairCode, marks.Current(pairCode), clock.GetUtcNow()));
            }
        }
        marks.Ticked += OnMarks;
        var lastHeard = clock.GetUtcNow();
        try
        {
            while (true)
            {
                var received = await session.ReceiveAsync(lastHeard + options.CoinWIdleTimeout, context.RequestAborted);
                if (received.End == ReceiveEnd.TooLarge)
                {
                    session.Close(WebSocketCloseStatus.MessageTooBig, $"frame exceeds {options.MaxClientFrameBytes} bytes");
                    break;
                }
                if (received.Text is not { } text)
                {
                    break;
                }
                lastHeard = clock.GetUtcNow();
                if (!TryParse(text, out var root))
                {
                    session.Send(CoinWFrames.NotJson);
                    continue;
                }
                switch (Text(root, "event"))
                {
                    case "ping":
                        if (account?.Faults.StallPings != true)
                        {
                            session.Send(CoinWFrames.Pong);
                        }
                        break;
                    case "login" when Params(root) is { } login:
                        if (account is null && accountsByKey.TryGetValue(Text(login, "api_key") ?? "", out var found)
                            && found.Account.Secret == Text(login, "passphrase") && !found.Faults.RejectAuth)
                        {
                            account = found;
                            session.Faults = account.Faults;
                            account.Faults.Sessions.TryAdd(session, 0);
                            account.Changed += OnChange;
                            session.Send(CoinWFrames.LoginOk);
                        }
                        else
                        {
                            session.Send(CoinWFrames.LoginFailed);
                        }
                        break;
                    case "sub" when Params(root) is { } sub && Text(sub, "type") is { } type:
                        session.Send(Subscribe(type, sub, account, subscriptions));
                        break;
                    case "unsub" when Params(root) is { } unsub && Text(unsub, "type") is { } type:
                        var pairCode = Text(unsub, "pairCode");
                        subscriptions.Remove(type, pairCode);
                        session.Send(CoinWFrames.UnsubscribeAck(type, pairCode));
                        break;
                    default:
                        session.Send(CoinWFrames.BadCommand);
                        break;
                }
            }
        }
        finally
        {
            marks.Ticked -= OnMarks;
            if (account is not null)
            {
                account.Changed -= OnChange;
                account.Faults.Sessions.TryRemove(session, out _);
            }
            session.Complete();
            await pump;
        }
    }

    private static string Subscribe(string type, JsonElement sub, AccountModel? account, CoinWSubscriptions subscriptions)
    {
        var pairCode = Text(sub, "pairCode");
        if (Text(sub, "biz") != "futures" || !(CoinWChannels.Private.Contains(type) || CoinWChannels.Public.Contains(type)))
        {
            return CoinWFrames.SubscribeAck(type, pairCode, InvalidParameter);
        }
        if (CoinWChannels.Private.Contains(type))
        {
            if (account is null || account.Faults.RejectSubscriptions)
            {
                return CoinWFrames.SubscribeAck(type, null, RateLimit);
            }
            subscriptions.Add(type, null);
            return CoinWFrames.SubscribeAck(type, null);
        }
        if (string.IsNullOrEmpty(pairCode))
        {
            return CoinWFrames.SubscribeAck(type, pairCode, InvalidParameter);
        }
        if (account?.Faults.RejectSubscriptions == true)
        {
            return CoinWFrames.SubscribeAck(type, pairCode, RateLimit);
        }
        // Unknown contracts are acked and then stay silent, as on the venue.
        subscriptions.Add(type, pairCode);
        return CoinWFrames.SubscribeAck(type, pairCode);
    }

    private static bool TryParse(string text, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private static JsonElement? Params(JsonElement root) =>
        root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
