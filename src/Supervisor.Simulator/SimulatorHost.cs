using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Supervisor.Simulator.ChainUp;
using Supervisor.Simulator.CoinW;
using Supervisor.Simulator.Model;
using Supervisor.Simulator.Rest;

namespace Supervisor.Simulator;

/// <summary>
/// The exchange simulator in-process: CoinW <c>/perpum</c> and ChainUP <c>/position_order/ws</c> on 127.0.0.1, their
/// signed REST snapshot endpoints (CoinW <c>/v1/perpum/…</c>, ChainUP <c>/fapi/v1/…</c>) on the same port, a seeded
/// activity generator per account whose state is the ground truth (<see cref="Truth"/>, <c>GET /sim/accounts/{id}/truth</c>).
/// It shares no code with the client's codecs: frames are written from its own model with the documented field names.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, AccountModel> _byId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private volatile bool _paused;

    private SimulatorHost(WebApplication app, Dictionary<string, AccountModel> byId, Uri baseUri, SimulatorOptions options)
    {
        _app = app;
        _byId = byId;
        BaseUri = baseUri;
        _paused = options.StartPaused;
        _ticker = options.TickInterval is { } interval ? TickAsync(interval) : Task.CompletedTask;
    }

    /// <summary>The HTTP base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The CoinW private socket.</summary>
    public Uri CoinWUri => new(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/perpum");

    /// <summary>The ChainUP private socket.</summary>
    public Uri ChainUpUri => new(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/position_order/ws");

    /// <summary>The accounts served.</summary>
    public IReadOnlyList<SimAccount> Accounts => [.. _byId.Values.Select(m => m.Account)];

    /// <summary>Starts the simulator.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var models = options.Accounts.Select(a => new AccountModel(a, options.Seed)).ToList();
        var byId = models.ToDictionary(m => m.Account.Id, StringComparer.Ordinal);
        var byKey = models.ToDictionary(m => m.Account.ApiKey, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.UseWebSockets();
        var coinw = new CoinWEndpoint(byKey, options);
        var chainup = new ChainUpEndpoint(byKey, options, static instrument => instrument switch { "BTC" => 85_100.5m, "ETH" => 3_210.25m, _ => 141.125m });
        app.Map("/perpum", context => context.WebSockets.IsWebSocketRequest ? coinw.HandleAsync(context) : BadRequest(context));
        app.Map("/position_order/ws", context => context.WebSockets.IsWebSocketRequest ? chainup.HandleAsync(context) : BadRequest(context));
        var gate = new RestGate(byKey, options);
        var coinwRest = new CoinWRest(gate);
        var chainupRest = new ChainUpRest(gate);
        app.MapGet(CoinWRestPaths.Assets, coinwRest.Assets);
        app.MapGet(CoinWRestPaths.Positions, coinwRest.Positions);
        app.MapGet(CoinWRestPaths.OpenOrders, coinwRest.OpenOrders);
        app.MapGet("/fapi/v1/account", chainupRest.Account);
        app.MapGet("/fapi/v1/openOrders", chainupRest.OpenOrders);
        app.MapGet("/sim/accounts/{id}/truth", (string id) => byId.TryGetValue(id, out var model) ? Results.Json(model.Truth()) : Results.NotFound());
        SimulatorHost? self = null;
        app.MapPost("/sim/faults", (FaultRequest request) => self!.Apply(request));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new SimulatorHost(app, byId, new Uri(address), options);
        return self;
    }

    /// <summary>The ground truth of one account.</summary>
    public AccountTruth Truth(string accountId) => _byId[accountId].Truth();

    /// <summary>One activity step of every account.</summary>
    public void Step()
    {
        foreach (var model in _byId.Values)
        {
            model.Step();
        }
    }

    /// <summary>The fault switches of one account.</summary>
    public AccountFaults Faults(string accountId) => _byId[accountId].Faults;

    /// <summary>Resets every socket of the account (no close handshake).</summary>
    public void DropConnections(string accountId)
    {
        foreach (var session in _byId[accountId].Faults.Sessions.Keys)
        {
            session.Abort();
        }
    }

    /// <summary>Sends a raw frame to every socket of the account (malformed, oversized, gzip bombs …).</summary>
    public void SendRaw(string accountId, byte[] frame, bool binary)
    {
        foreach (var session in _byId[accountId].Faults.Sessions.Keys)
        {
            if (binary)
            {
                session.SendBinary(frame);
            }
            else
            {
                session.Send(System.Text.Encoding.UTF8.GetString(frame));
            }
        }
    }

    /// <summary>ChainUP's <c>{"channel":"SYSTEM","et":"close"}</c> to every socket of the account.</summary>
    public void SendSystemClose(string accountId) =>
        SendRaw(accountId, ChainUpFrames.Gzip("""{"channel":"SYSTEM","uid":2001,"et":"close"}"""), binary: true);

    /// <summary>Applies a fault request (the HTTP control endpoint's body); unknown actions or accounts are a 400 / 404.</summary>
    public IResult Apply(FaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccountId is { } id && !_byId.ContainsKey(id))
        {
            return Results.NotFound(new { error = $"no account '{id}'" });
        }
        var targets = request.AccountId is { } one ? [one] : _byId.Keys.ToList();
        Action<string>? apply = request.Action switch
        {
            "drop" => DropConnections,
            "stall" => a => Faults(a).StallPings = true,
            "unstall" => a => Faults(a).StallPings = false,
            "reject-auth" => a => Faults(a).RejectAuth = true,
            "accept-auth" => a => Faults(a).RejectAuth = false,
            "reject-subscriptions" => a => Faults(a).RejectSubscriptions = true,
            "accept-subscriptions" => a => Faults(a).RejectSubscriptions = false,
            "system-close" => SendSystemClose,
            "rate-limit-rest" => a => Faults(a).RateLimitRest = true,
            "allow-rest" => a => Faults(a).RateLimitRest = false,
            "malformed" => a => SendRaw(a, "{\"not\":\"a venue frame\""u8.ToArray(), binary: false),
            "pause" => _ => PauseActivity(true),
            "resume" => _ => PauseActivity(false),
            _ => null,
        };
        if (apply is null)
        {
            return Results.BadRequest(new { error = $"unknown action '{request.Action}'" });
        }
        foreach (var target in targets)
        {
            apply(target);
        }
        return Results.Ok(new { applied = request.Action, accounts = targets.Count });
    }

    /// <summary>Pauses or resumes the activity timer.</summary>
    public void PauseActivity(bool paused) => _paused = paused;

    /// <summary>Stops the activity and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private static Task BadRequest(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private async Task TickAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!_paused)
                {
                    Step();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
