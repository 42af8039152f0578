using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>
/// ChainUP's <c>/position_order/ws</c>: api key in the upgrade header, <c>connect success</c>, <c>sub</c> with apiKey
/// and broker → <c>sub success</c>, gzip pushes and pongs, ADL_PRICE every second (simulator clock) while positions
/// are open, sockets without a ping for 40 s dropped (only pings count, chainup.md's strict reading). Bad credentials
/// get no reply (undocumented), as chainup.md suggests; unusable frames get the close 1000 "Bye" of the sibling socket.
/// </summary>
internal sealed class ChainUpEndpoint(IReadOnlyDictionary<string, AccountModel> accountsByKey, SimulatorOptions options, MarkPriceFeed marks)
{
    public async Task HandleAsync(HttpContext context)
    {
        var clock = options.TimeProvider;
        var key = context.Request.Headers["api-key"].FirstOrDefault() ?? context.Request.Headers["apiKey"].FirstOrDefault() ?? "";
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket, clock, options.MaxClientFrameBytes);
        var pump = session.PumpAsync(context.RequestAborted);
        session.Send("connect success");
        AccountModel? account = null;
        void OnChange(ModelChange change)
        {
            if (ChainUpFrames.For(change, account!.Truth(), clock.GetUtcNow()) is { } json)
            {
                session.SendBinary(ChainUpFrames.Gzip(json));
            }
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        Task? adl = null;
        var lastPing = clock.GetUtcNow();
        try
        {
            while (true)
            {
                var received = await session.ReceiveAsync(lastPing + options.ChainUpPingTimeout, context.RequestAborted);
                if (received.End == ReceiveEnd.TooLarge)
                {
                    session.Close(WebSocketCloseStatus.MessageTooBig, $"frame exceeds {options.MaxClientFrameBytes} bytes");
                    break;
                }
                if (received.Text is not { } text)
                {
                    break;
                }
                if (!TryParse(text, out var root))
                {
                    session.Close(WebSocketCloseStatus.NormalClosure, "Bye");
                    break;
                }
                if (root.TryGetProperty("ping", out var ping) && ping.ValueKind == JsonValueKind.Number && ping.TryGetInt64(out var pingValue))
                {
                    lastPing = clock.GetUtcNow();
                    if (account?.Faults.StallPings != true)
                    {
                        session.SendBinary(ChainUpFrames.Gzip($"{{\"pong\":{pingValue + 1}}}"));
                    }
                    continue;
                }
                if (account is null && Authenticates(root, key) is { } found)
                {
                    account = found;
                    session.Faults = account.Faults;
                    account.Faults.Sessions.TryAdd(session, 0);
                    account.Changed += OnChange;
                    // The ADL timer exists before the client hears "sub success", so a manual clock moved after it ticks it.
                    adl = AdlLoopAsync(session, account, stop.Token);
                    session.Send("sub success");
                }
            }
        }
        finally
        {
            if (account is not null)
            {
                account.Changed -= OnChange;
                account.Faults.Sessions.TryRemove(session, out _);
            }
            await stop.CancelAsync();
            if (adl is not null)
            {
                await adl;
            }
            session.Complete();
            await pump;
        }
    }

    private AccountModel? Authenticates(JsonElement root, string headerKey) =>
        root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() == "sub"
        && root.TryGetProperty("apiKey", out var bodyKey) && bodyKey.ValueKind == JsonValueKind.String
        && accountsByKey.TryGetValue(bodyKey.GetString() ?? "", out var found)
        && root.TryGetProperty("broker", out var broker) && broker.ValueKind == JsonValueKind.Number && broker.TryGetInt32(out var brokerId) && brokerId == found.Account.Broker
        && (headerKey.Length == 0 || headerKey == found.Account.ApiKey) && !found.Faults.RejectAuth
            ? found
            : null;

    private static bool TryParse(string text, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private async Task AdlLoopAsync(Session session, AccountModel account, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var truth = account.Truth();
                if (truth.Positions.Count > 0)
                {
                    session.SendBinary(ChainUpFrames.Gzip(ChainUpFrames.Adl(truth, marks)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
