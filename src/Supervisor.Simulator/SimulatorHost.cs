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
/// The exchange simulator in-process: CoinW <c>/perpum</c> (private and public) and ChainUP <c>/position_order/ws</c>
/// and <c>/kline-api/ws</c> on 127.0.0.1, their signed REST snapshot endpoints (CoinW <c>/v1/perpum/…</c>, ChainUP
/// <c>/fapi/v1/…</c>) on the same port, a seeded activity generator per account whose state is the ground truth
/// (<see cref="Truth"/>, <c>GET /sim/accounts/{id}/truth</c>), seeded mark prices per venue (<see cref="MarkPrice"/>,
/// <c>GET /sim/marks/{venue}</c>) and fault injection (<see cref="Apply"/>, <c>POST /sim/faults</c>). Everything
/// timed runs on <see cref="SimulatorOptions.TimeProvider"/>. It shares no code with the client's codecs: frames are
/// written from its own model with the documented field names.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, AccountModel> _byId;
    private readonly MarkPriceFeed _coinwMarks;
    private readonly MarkPriceFeed _chainupMarks;
    private readonly CancellationTokenSource _stop;
    private readonly Task[] _loops;
    private volatile bool _paused;

    private SimulatorHost(WebApplication app, Dictionary<string, AccountModel> byId, (MarkPriceFeed CoinW, MarkPriceFeed ChainUp) marks, Uri baseUri, SimulatorOptions options, CancellationTokenSource stop)
    {
        _app = app;
        _byId = byId;
        (_coinwMarks, _chainupMarks) = marks;
        _stop = stop;
        BaseUri = baseUri;
        _paused = options.StartPaused;
        _loops =
        [
            options.TickInterval is { } interval ? TickAsync(interval, options.TimeProvider) : Task.CompletedTask,
            _coinwMarks.RunAsync(_stop.Token),
            _chainupMarks.RunAsync(_stop.Token),
        ];
    }

    /// <summary>The HTTP base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The CoinW private socket.</summary>
    public Uri CoinWUri => Socket("/perpum");

    /// <summary>CoinW's public channels (mark_price): the same <c>/perpum</c> socket, no login needed.</summary>
    public Uri CoinWPublicUri => CoinWUri;

    /// <summary>The ChainUP private socket.</summary>
    public Uri ChainUpUri => Socket("/position_order/ws");

    /// <summary>The ChainUP public market socket (mark_price_&lt;symbol&gt;).</summary>
    public Uri ChainUpPublicUri => Socket("/kline-api/ws");

    /// <summary>The accounts served.</summary>
    public IReadOnlyList<SimAccount> Accounts => [.. _byId.Values.Select(m => m.Account)];

    /// <summary>Starts the simulator.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = options.TimeProvider;
        var models = options.Accounts.Select(a => new AccountModel(a, options.Seed, clock)).ToList();
        var byId = models.ToDictionary(m => m.Account.Id, StringComparer.Ordinal);
        var byKey = models.ToDictionary(m => m.Account.ApiKey, StringComparer.Ordinal);
        var coinwMarks = new MarkPriceFeed("coinw", options.Seed, options.CoinWMarkInterval, clock);
        var chainupMarks = new MarkPriceFeed("chainup", options.Seed, options.ChainUpMarkInterval, clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.UseWebSockets();
        var coinw = new CoinWEndpoint(byKey, options, coinwMarks);
        var chainup = new ChainUpEndpoint(byKey, options, chainupMarks);
        var chainupPublic = new ChainUpPublicEndpoint(options, chainupMarks);
        app.Map("/perpum", context => context.WebSockets.IsWebSocketRequest ? coinw.HandleAsync(context) : BadRequest(context));
        app.Map("/position_order/ws", context => context.WebSockets.IsWebSocketRequest ? chainup.HandleAsync(context) : BadRequest(context));
        app.Map("/kline-api/ws", context => context.WebSockets.IsWebSocketRequest ? chainupPublic.HandleAsync(context) : BadRequest(context));
        var gate = new RestGate(byKey, options);
        var coinwRest = new CoinWRest(gate, clock, coinwMarks);
        var chainupRest = new ChainUpRest(gate);
        app.MapGet(CoinWRestPaths.Assets, coinwRest.Assets);
        app.MapGet(CoinWRestPaths.Positions, coinwRest.Positions);
        app.MapGet(CoinWRestPaths.OpenOrders, coinwRest.OpenOrders);
        app.MapGet("/fapi/v1/account", chainupRest.Account);
        app.MapGet("/fapi/v1/openOrders", chainupRest.OpenOrders);
        app.MapGet("/sim/accounts/{id}/truth", (string id) => byId.TryGetValue(id, out var model) ? Results.Json(model.Truth()) : Results.NotFound());
        app.MapGet("/sim/marks/{venue}", (string venue) => Results.Json((venue == "coinw" ? coinwMarks : chainupMarks).All()));
        SimulatorHost? self = null;
        app.MapPost("/sim/faults", (FaultRequest request) => self!.Apply(request));
        var stop = new CancellationTokenSource();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new SimulatorHost(app, byId, (coinwMarks, chainupMarks), new Uri(address), options, stop);
        return self;
    }

    /// <summary>The ground truth of one account.</summary>
    public AccountTruth Truth(string accountId) => _byId[accountId].Truth();

    /// <summary>
    /// The current mark price on a venue ("coinw"; "chainup" or any ChainUP tenant name) of an instrument, named by
    /// base (<c>BTC</c>), ChainUP contract (<c>E-BTC-USDT</c>) or ChainUP symbol token (<c>e_btcusdt</c>).
    /// </summary>
    public decimal MarkPrice(string venue, string instrument) => Marks(venue).Current(instrument);

    /// <summary>Every instrument's current mark on a venue, by base currency.</summary>
    public IReadOnlyDictionary<string, decimal> MarkPrices(string venue) => Marks(venue).All();

    /// <summary>One activity step of every account that is not paused on its own (the global pause only stops the timer).</summary>
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

    /// <summary>A well-formed frame of at least <paramref name="bytes"/> bytes in the account's venue framing (CoinW text, ChainUP gzip).</summary>
    public void SendOversized(string accountId, int bytes = HostileFrames.DefaultOversizedBytes)
    {
        var (frame, binary) = HostileFrames.Oversized(_byId[accountId].Account.IsChainUp, bytes);
        SendRaw(accountId, frame, binary);
    }

    /// <summary>A binary gzip frame that inflates to <paramref name="inflatedBytes"/> (sent to CoinW sockets too, which never expect binary).</summary>
    public void SendGzipBomb(string accountId, int inflatedBytes = HostileFrames.DefaultBombBytes) =>
        SendRaw(accountId, HostileFrames.GzipBomb(inflatedBytes), binary: true);

    /// <summary>Holds every outgoing frame of the account's sockets for <paramref name="delay"/> (zero ends it).</summary>
    public void DelayFrames(string accountId, TimeSpan delay) => _byId[accountId].Faults.FrameDelay = delay;

    /// <summary>ChainUP's <c>{"channel":"SYSTEM","et":"close"}</c> to every socket of the account.</summary>
    public void SendSystemClose(string accountId) =>
        SendRaw(accountId, ChainUpFrames.Gzip("""{"channel":"SYSTEM","uid":2001,"et":"close"}"""), binary: true);

    /// <summary>Applies a fault request (the HTTP control endpoint's body); unknown actions or bad values are a 400, unknown accounts a 404.</summary>
    public IResult Apply(FaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccountId is { } id && !_byId.ContainsKey(id))
        {
            return Results.NotFound(new { error = $"no account '{id}'" });
        }
        if (request.Milliseconds is < 0 or > 600_000 || request.Bytes is < 1 or > HostileFrames.MaxBytes)
        {
            return Results.BadRequest(new { error = $"milliseconds must be 0..600000 and bytes 1..{HostileFrames.MaxBytes}" });
        }
        var targets = request.AccountId is { } one ? [one] : _byId.Keys.ToList();
        if (request.Action is "pause" or "resume" && request.AccountId is null)
        {
            PauseActivity(request.Action == "pause");
            return Results.Ok(new { applied = request.Action, accounts = targets.Count });
        }
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
            "pause" => a => PauseActivity(a, true),
            "resume" => a => PauseActivity(a, false),
            "delay" when request.Milliseconds is { } ms => a => DelayFrames(a, TimeSpan.FromMilliseconds(ms)),
            "no-delay" => a => DelayFrames(a, TimeSpan.Zero),
            "oversized" => a => SendOversized(a, request.Bytes ?? HostileFrames.DefaultOversizedBytes),
            "gzip-bomb" => a => SendGzipBomb(a, request.Bytes ?? HostileFrames.DefaultBombBytes),
            _ => null,
        };
        if (apply is null)
        {
            return Results.BadRequest(new { error = request.Action == "delay" ? "delay needs milliseconds" : $"unknown action '{request.Action}'" });
        }
        foreach (var target in targets)
        {
            apply(target);
        }
        return Results.Ok(new { applied = request.Action, accounts = targets.Count });
    }

    /// <summary>Pauses or resumes the activity timer of every account.</summary>
    public void PauseActivity(bool paused) => _paused = paused;

    /// <summary>Pauses or resumes one account's activity, on the timer and in <see cref="Step"/>.</summary>
    public void PauseActivity(string accountId, bool paused) => _byId[accountId].Paused = paused;

    /// <summary>Stops the activity and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private Uri Socket(string path) => new(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + path);

    private MarkPriceFeed Marks(string venue) => venue == "coinw" ? _coinwMarks : _chainupMarks;

    private static Task BadRequest(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private async Task TickAsync(TimeSpan interval, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(interval, clock);
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
