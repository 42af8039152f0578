using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Supervisor.Simulator.Faults;
using Supervisor.Simulator.Hosting;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>One CoinW <c>/perpum</c> socket: login with api_key + passphrase (the raw secret, coinw.md §3), sub/unsub, ping.</summary>
internal sealed class CoinWSession : SimSession
{
    private static readonly HashSet<string> Private = ["order", "position", "position_change", "assets", "assets_ag", "user_setting"];
    private static readonly HashSet<string> Public = ["ticker_swap", "depth", "fills", "candles_swap", "candles_swap_utc", "index_price", "mark_price", "funding_rate"];
    private readonly HashSet<string> _subs = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _markSubs = new(StringComparer.OrdinalIgnoreCase);

    public CoinWSession(WebSocket socket, SimulatorState state) : base(socket, state) { }

    protected override async Task ReceiveLoopAsync(CancellationToken ct)
    {
        while (await ReceiveTextAsync(ct) is { } text)
        {
            LastFrame = State.Options.Time.GetUtcNow();
            Handle(text);
        }
    }

    protected override async Task TimerLoopAsync(CancellationToken ct)
    {
        var tick = TimeSpan.FromTicks(Math.Max(State.Options.CoinWIdleTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10));
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(tick, State.Options.Time, ct);
            // coinw.md §4: a silent socket is dropped without a close frame (1006).
            if (State.Options.Time.GetUtcNow() - LastFrame >= State.Options.CoinWIdleTimeout) { Abort(); return; }
            foreach (var (code, asSent) in _markSubs)
                if (code is "BTC" or "ETH" && State.Accounts.Count > 0)
                    SendText(CoinWFrames.MarkPrice(asSent.ToLowerInvariant(), State.Accounts[0].MarkPrice(code)));
        }
    }

    private void Handle(string text)
    {
        JsonObject? msg;
        try { msg = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { SendText(CoinWFrames.BareError(1001, "Rate Limit")); return; }
        var ev = msg?["event"]?.GetValue<string>();
        var p = msg?["params"] as JsonObject;
        switch (ev)
        {
            case "ping":
                if (Account is null || !State.FaultsOf(Account.Config.Id).Stall) SendText("{\"event\":\"pong\"}");
                return;
            case "login":
                Login(p?["api_key"]?.GetValue<string>(), p?["passphrase"]?.GetValue<string>());
                return;
            case "sub" or "unsub" when p is not null:
                Subscribe(ev == "sub", p);
                return;
            default:
                SendText(CoinWFrames.BareError(500, "exception"));
                return;
        }
    }

    private void Login(string? key, string? passphrase)
    {
        var account = State.ByKey(SimVenue.CoinW, key);
        if (account is null || account.Config.Secret != passphrase || State.FaultsOf(account.Config.Id).RejectAuth)
        {
            SendText(CoinWFrames.LoginFailed());
            return;
        }
        Account ??= account;
        // Remove-then-add keeps exactly one handler across repeated logins.
        Account.Changed -= OnChange;
        Account.Changed += OnChange;
        SendText(CoinWFrames.LoginOk());
    }

    private void Subscribe(bool sub, JsonObject p)
    {
        var biz = p["biz"]?.GetValue<string>();
        var type = p["type"]?.GetValue<string>() ?? "";
        var pair = p["pairCode"]?.GetValue<string>();
        var channel = sub ? "subscribe" : "unsub";
        if (biz != "futures" || !(Private.Contains(type) || Public.Contains(type)))
        {
            SendText(CoinWFrames.Ack(channel, type, pair, false, 1007, "Invalid parameter"));
            return;
        }
        if (Private.Contains(type) && Account is null)
        {
            // Undocumented (coinw.md §3.2): we answer result:false with the auth code REST uses (6000).
            SendText(CoinWFrames.Ack(channel, type, pair, false, 6000, "Not logged in"));
            return;
        }
        if (sub && Account is not null && State.FaultsOf(Account.Config.Id).RejectSubscriptions)
        {
            SendText(CoinWFrames.Ack(channel, type, pair, false, 1001, "Rate Limit"));
            return;
        }
        if (type == "mark_price" && pair is not null)
        {
            if (sub) _markSubs[pair.ToUpperInvariant()] = pair; else _markSubs.TryRemove(pair.ToUpperInvariant(), out _);
        }
        else
        {
            // OnChange runs on the activity thread; the receive loop mutates the set.
            lock (_subs) { if (sub) _subs.Add(type); else _subs.Remove(type); }
        }
        SendText(CoinWFrames.Ack(channel, type, pair, true, 0, null));
    }

    public override void OnChange(SimChange change)
    {
        var uid = Account!.Config.UserId;
        foreach (var (type, frame) in CoinWFrames.ForChange(change, uid))
        {
            bool wanted;
            lock (_subs) { wanted = _subs.Contains(type); }
            if (wanted) SendText(frame);
        }
    }

    public override void Inject(FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Drop: Abort(); break;
            case FaultKind.VenueClose: CloseAfterPending(WebSocketCloseStatus.EndpointUnavailable, "server shutdown"); break;
            case FaultKind.Malformed: SendText("{\"biz\":\"futures\",\"type\":\"order\",\"data\":[{"); break;
            case FaultKind.Oversized: SendText("{\"pad\":\"" + new string('x', 4 * 1024 * 1024) + "\"}"); break;
            case FaultKind.GzipBomb: SendBinary(Gzip.Bomb()); break;
        }
    }
}
