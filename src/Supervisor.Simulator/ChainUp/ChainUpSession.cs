using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Supervisor.Simulator.Faults;
using Supervisor.Simulator.Hosting;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>One ChainUP <c>/position_order/ws</c> socket: text <c>connect success</c>, sub by apiKey/token + broker, gzip pushes.</summary>
internal sealed class ChainUpSession : SimSession
{
    private readonly string? _headerCredential;

    public ChainUpSession(WebSocket socket, SimulatorState state, string? headerCredential) : base(socket, state)
        => _headerCredential = headerCredential;

    private long NowMs => State.Options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    protected override async Task ReceiveLoopAsync(CancellationToken ct)
    {
        SendText("connect success");
        while (await ReceiveTextAsync(ct) is { } text) Handle(text);
    }

    protected override async Task TimerLoopAsync(CancellationToken ct)
    {
        var time = State.Options.Time;
        var nextAdl = time.GetUtcNow() + State.Options.AdlInterval;
        var tick = TimeSpan.FromTicks(Math.Min(State.Options.AdlInterval.Ticks, State.Options.ChainUpPingTimeout.Ticks) / 4);
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(tick, time, ct);
            var now = time.GetUtcNow();
            if (now - LastFrame >= State.Options.ChainUpPingTimeout)
            {
                // chainup.md §2.5: only a ping resets the 40 s timer; the server closes (1000).
                CloseAfterPending(WebSocketCloseStatus.NormalClosure, "no ping");
                return;
            }
            if (now >= nextAdl)
            {
                nextAdl = now + State.Options.AdlInterval;
                if (Account is { } a && a.Truth is { Positions.Count: > 0 } truth)
                    SendBinary(Gzip.Compress(ChainUpFrames.Adl(truth, a.Config.UserId, a.MarkPrice)));
            }
        }
    }

    private void Handle(string text)
    {
        JsonObject? msg;
        try { msg = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { msg = null; }
        if (msg is null)
        {
            // Undocumented; sibling kline socket closes with 1000 "Bye" (chainup.md §2.7).
            CloseAfterPending(WebSocketCloseStatus.NormalClosure, "Bye");
            return;
        }
        if (msg["ping"] is { } ping)
        {
            LastFrame = State.Options.Time.GetUtcNow();
            if (Account is null || !State.FaultsOf(Account.Config.Id).Stall)
                SendBinary(Gzip.Compress("{\"pong\":" + NowMs + "}"));
            return;
        }
        var ev = msg["event"]?.GetValue<string>();
        if (ev == "unsub")
        {
            if (Account is not null) Account.Changed -= OnChange;
            return;
        }
        if (ev != "sub") return;
        var credential = msg["apiKey"]?.GetValue<string>() ?? msg["token"]?.GetValue<string>();
        var broker = msg["broker"]?.GetValue<int>();
        var account = State.ByKey(SimVenue.ChainUp, credential);
        if (account is null || broker != account.Config.Broker || State.FaultsOf(account.Config.Id).RejectAuth
            || (_headerCredential is not null && _headerCredential != credential))
        {
            // Undocumented; our choice (chainup.md §2.7 option): text "sub fail" then close 1008.
            SendText("sub fail");
            CloseAfterPending(WebSocketCloseStatus.PolicyViolation, "auth");
            return;
        }
        if (State.FaultsOf(account.Config.Id).RejectSubscriptions)
        {
            SendText("{\"code\":-1003,\"msg\":\"Too many requests\"}");
            return;
        }
        Account ??= account;
        // Remove-then-add keeps exactly one handler across unsub/sub cycles.
        Account.Changed -= OnChange;
        Account.Changed += OnChange;
        SendText("sub success");
    }

    public override void OnChange(SimChange change)
    {
        foreach (var json in ChainUpFrames.ForChange(change, Account!.Config.UserId, NowMs)) SendBinary(Gzip.Compress(json));
    }

    public override void Inject(FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Drop: Abort(); break;
            case FaultKind.VenueClose:
                SendBinary(Gzip.Compress(ChainUpFrames.SystemClose(Account!.Config.UserId)));
                CloseAfterPending(WebSocketCloseStatus.NormalClosure, "system close");
                break;
            case FaultKind.Malformed: SendBinary(Gzip.Compress("{\"channel\":\"ACCOUNT_UPDATE\",\"d\":{")); break;
            case FaultKind.Oversized: SendBinary(Gzip.Compress("{\"pad\":\"" + new string('x', 4 * 1024 * 1024) + "\"}")); break;
            case FaultKind.GzipBomb: SendBinary(Gzip.Bomb()); break;
        }
    }
}
