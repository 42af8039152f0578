using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>
/// CoinW's <c>/perpum</c>: login with api key and raw secret, subscribe acks, ping/pong, pushes of order / position /
/// assets changes to subscribed sessions only (no initial snapshot), idle sockets dropped after 60 s.
/// </summary>
internal sealed class CoinWEndpoint(IReadOnlyDictionary<string, AccountModel> accountsByKey, SimulatorOptions options)
{
    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket);
        var pump = session.PumpAsync(context.RequestAborted);
        AccountModel? account = null;
        var channels = new HashSet<string>(StringComparer.Ordinal);
        void OnChange(ModelChange change)
        {
            var (channel, frame) = CoinWFrames.For(change);
            lock (channels)
            {
                if (channels.Contains(channel))
                {
                    session.Send(frame);
                }
            }
        }
        try
        {
            while (await session.ReceiveAsync(options.CoinWIdleTimeout, context.RequestAborted) is { } text)
            {
                JsonElement root;
                try
                {
                    root = JsonDocument.Parse(text).RootElement;
                }
                catch (JsonException)
                {
                    session.Send(CoinWFrames.NotJson);
                    continue;
                }
                switch (root.TryGetProperty("event", out var e) ? e.GetString() : null)
                {
                    case "ping":
                        if (account?.Faults.StallPings != true)
                        {
                            session.Send(CoinWFrames.Pong);
                        }
                        break;
                    case "login":
                        var p = root.GetProperty("params");
                        if (accountsByKey.TryGetValue(p.GetProperty("api_key").GetString() ?? "", out var found) && found.Account.Secret == p.GetProperty("passphrase").GetString() && account is null && !found.Faults.RejectAuth)
                        {
                            account = found;
                            account.Faults.Sessions.TryAdd(session, 0);
                            account.Changed += OnChange;
                            session.Send(CoinWFrames.LoginOk);
                        }
                        else
                        {
                            session.Send(CoinWFrames.LoginFailed);
                        }
                        break;
                    case "sub" when root.TryGetProperty("params", out var sub):
                        var type = sub.GetProperty("type").GetString() ?? "";
                        var accepted = account is not null && !account.Faults.RejectSubscriptions;
                        lock (channels)
                        {
                            if (accepted)
                            {
                                channels.Add(type);
                            }
                        }
                        session.Send(CoinWFrames.SubscribeAck(type, accepted));
                        break;
                    default:
                        session.Send(CoinWFrames.BadCommand);
                        break;
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
            session.Complete();
            await pump;
        }
    }
}
