using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.ChainUp;

/// <summary>
/// ChainUP's <c>/position_order/ws</c>: api key in the upgrade header, <c>connect success</c>, <c>sub</c> with apiKey
/// and broker → <c>sub success</c>, gzip pushes and pongs, ADL_PRICE every second while positions are open, sockets
/// without a ping for 40 s dropped. Bad credentials get no reply (undocumented), as chainup.md suggests.
/// </summary>
internal sealed class ChainUpEndpoint(IReadOnlyDictionary<string, AccountModel> accountsByKey, SimulatorOptions options, Func<string, decimal> markPrice)
{
    public async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Headers["api-key"].FirstOrDefault() ?? context.Request.Headers["apiKey"].FirstOrDefault() ?? "";
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket);
        var pump = session.PumpAsync(context.RequestAborted);
        session.Send("connect success");
        AccountModel? account = null;
        void OnChange(ModelChange change)
        {
            if (ChainUpFrames.For(change, account!.Truth()) is { } json)
            {
                session.SendBinary(ChainUpFrames.Gzip(json));
            }
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        Task? adl = null;
        try
        {
            while (await session.ReceiveAsync(options.ChainUpPingTimeout, context.RequestAborted) is { } text)
            {
                JsonElement root;
                try
                {
                    root = JsonDocument.Parse(text).RootElement;
                }
                catch (JsonException)
                {
                    break;
                }
                if (root.TryGetProperty("ping", out var ping))
                {
                    if (account?.Faults.StallPings == true)
                    {
                        continue;
                    }
                    session.SendBinary(ChainUpFrames.Gzip($"{{\"pong\":{ping.GetInt64() + 1}}}"));
                    continue;
                }
                if (root.TryGetProperty("event", out var e) && e.GetString() == "sub" && account is null
                    && root.TryGetProperty("apiKey", out var bodyKey) && accountsByKey.TryGetValue(bodyKey.GetString() ?? "", out var found)
                    && root.TryGetProperty("broker", out var broker) && broker.GetInt32() == found.Account.Broker && (key.Length == 0 || key == found.Account.ApiKey)
                    && !found.Faults.RejectAuth)
                {
                    account = found;
                    account.Faults.Sessions.TryAdd(session, 0);
                    session.Send("sub success");
                    account.Changed += OnChange;
                    adl = AdlLoopAsync(session, account, stop.Token);
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

    private async Task AdlLoopAsync(Session session, AccountModel account, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var truth = account.Truth();
                if (truth.Positions.Count > 0)
                {
                    session.SendBinary(ChainUpFrames.Gzip(ChainUpFrames.Adl(truth, markPrice)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }
}
