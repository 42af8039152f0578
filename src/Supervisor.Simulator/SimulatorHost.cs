using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Supervisor.Simulator.ChainUp;
using Supervisor.Simulator.CoinW;
using Supervisor.Simulator.Faults;
using Supervisor.Simulator.Hosting;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator;

/// <summary>An exchange simulator running on Kestrel, in-process or as the standalone program.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _activity;

    private SimulatorHost(WebApplication app, SimulatorState state, Uri http)
    {
        _app = app;
        _state = state;
        HttpBaseUri = http;
        WsBaseUri = new UriBuilder(http) { Scheme = "ws" }.Uri;
        _activity = state.Options.ActivityInterval is { } interval ? RunActivityAsync(interval, _stop.Token) : Task.CompletedTask;
    }

    /// <summary>HTTP base, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri HttpBaseUri { get; }

    /// <summary>WebSocket base, e.g. <c>ws://127.0.0.1:5080/</c>; append <c>perpum</c> or <c>position_order/ws</c>.</summary>
    public Uri WsBaseUri { get; }

    /// <summary>CoinW private socket URI.</summary>
    public Uri CoinWSocketUri => new(WsBaseUri, "perpum");

    /// <summary>ChainUP private socket URI.</summary>
    public Uri ChainUpSocketUri => new(WsBaseUri, "position_order/ws");

    /// <summary>Configured accounts with their credentials and ground truth.</summary>
    public IReadOnlyList<SimAccount> Accounts => _state.Accounts;

    /// <summary>Ground truth of an account by simulator id.</summary>
    public AccountSnapshot Truth(string accountId) => Find(accountId).Truth;

    /// <summary>Standing fault switches of an account.</summary>
    public SimFaults Faults(string accountId) => _state.FaultsOf(accountId);

    /// <summary>Starts Kestrel on <see cref="SimulatorOptions.Url"/> and returns once it listens.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CoinWIdleTimeout, TimeSpan.Zero, nameof(options.CoinWIdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ChainUpPingTimeout, TimeSpan.Zero, nameof(options.ChainUpPingTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AdlInterval, TimeSpan.Zero, nameof(options.AdlInterval));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RestRequestsPerWindow);
        var configs = options.Accounts.Count > 0 ? options.Accounts : AccountGenerator.Generate(options.GeneratedAccounts, options.Seed);
        var accounts = new List<SimAccount>();
        for (int i = 0; i < configs.Count; i++) accounts.Add(new SimAccount(configs[i], unchecked(options.Seed * 7919 + i)));
        var state = new SimulatorState(options, accounts);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        var app = builder.Build();
        app.UseWebSockets();
        Map(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : options.Url;
        return new SimulatorHost(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Runs one activity step on every account (or one account); returns the changes made.</summary>
    public IReadOnlyList<SimChange> Step(string? accountId = null)
    {
        var all = new List<SimChange>();
        foreach (var a in _state.Accounts)
            if (accountId is null || a.Config.Id == accountId) all.AddRange(a.Step());
        return all;
    }

    /// <summary>Runs <paramref name="steps"/> activity steps on every account.</summary>
    public Task AdvanceAsync(int steps, CancellationToken cancellationToken = default)
    {
        for (int i = 0; i < steps && !cancellationToken.IsCancellationRequested; i++) Step();
        return Task.CompletedTask;
    }

    /// <summary>Injects a fault on one account (or all when <paramref name="accountId"/> is null).</summary>
    public void Inject(FaultKind kind, string? accountId = null, TimeSpan delay = default) => _state.Inject(accountId, kind, delay);

    /// <summary>Stops activity and Kestrel, closing every socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try { await _activity.ConfigureAwait(false); } catch (OperationCanceledException) { }
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private SimAccount Find(string id)
        => _state.Accounts.FirstOrDefault(a => a.Config.Id == id) ?? throw new ArgumentException($"unknown account '{id}'", nameof(id));

    private async Task RunActivityAsync(TimeSpan interval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(interval, _state.Options.Time, ct).ConfigureAwait(false);
            Step();
        }
    }

    private static void Map(WebApplication app, SimulatorState state)
    {
        app.Map("/perpum", async ctx =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest) { ctx.Response.StatusCode = 400; return; }
            using var ws = await ctx.WebSockets.AcceptWebSocketAsync();
            await new CoinWSession(ws, state).RunAsync(ctx.RequestAborted);
        });
        app.Map("/position_order/ws", async ctx =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest) { ctx.Response.StatusCode = 400; return; }
            var h = ctx.Request.Headers;
            var cred = FirstNonEmpty(h["token"], h["api-key"], h["apiKey"]);
            using var ws = await ctx.WebSockets.AcceptWebSocketAsync();
            await new ChainUpSession(ws, state, cred).RunAsync(ctx.RequestAborted);
        });
        app.Map("/v1/perpum/{**rest}", ctx => RestEndpoints.CoinWAsync(ctx, state));
        app.Map("/fapi/v1/{**rest}", ctx => RestEndpoints.ChainUpAsync(ctx, state));
        app.MapGet("/sim/accounts", () => Results.Text(
            new JsonArray(state.Accounts.Select(a => (JsonNode)new JsonObject
            {
                // Simulated credentials only: a standalone client needs them to connect.
                ["id"] = a.Config.Id, ["venue"] = a.Config.Venue.ToString(), ["apiKey"] = a.Config.ApiKey, ["secret"] = a.Config.Secret,
                ["token"] = a.Config.Token, ["broker"] = a.Config.Broker, ["userId"] = a.Config.UserId,
            }).ToArray()).ToJsonString(), "application/json"));
        app.MapGet("/sim/accounts/{id}/truth", (string id) =>
        {
            var a = state.Accounts.FirstOrDefault(x => x.Config.Id == id);
            return a is null ? Results.NotFound() : Results.Text(TruthJson.Write(a.Truth), "application/json");
        });
        app.MapPost("/sim/faults", async (HttpContext ctx) =>
        {
            var doc = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
            if (doc?["kind"]?.GetValue<string>() is not { } k || !Enum.TryParse<FaultKind>(k, true, out var kind))
                return Results.BadRequest("kind must be one of " + string.Join(", ", Enum.GetNames<FaultKind>()));
            var account = doc["account"]?.GetValue<string>();
            var delay = TimeSpan.FromMilliseconds(doc["delayMs"]?.GetValue<int>() ?? 0);
            state.Inject(account, kind, delay);
            return Results.Ok();
        });
        app.MapPost("/sim/step", (int? n) => { for (int i = 0; i < (n ?? 1); i++) foreach (var a in state.Accounts) a.Step(); return Results.Ok(); });
    }

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var v in values) if (!string.IsNullOrEmpty(v)) return v;
        return null;
    }
}
