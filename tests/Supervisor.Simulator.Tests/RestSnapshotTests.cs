using Supervisor.Simulator.Model;
using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// The simulator's REST snapshot endpoints, called by the client's signed snapshot clients: what they decode to equals
/// the simulator's ground truth, and signature, key, timestamp and rate-limit checks answer with the venues' errors.
/// </summary>
public sealed class RestSnapshotTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task CoinW_and_ChainUp_snapshots_decode_to_the_ground_truth()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(2), TickInterval = null });
        for (var i = 0; i < 60; i++)
        {
            simulator.Step();
        }
        Assert.All(simulator.Accounts, a => Assert.True(simulator.Truth(a.Id).Positions.Count + simulator.Truth(a.Id).OpenOrders.Count > 0));

        foreach (var account in simulator.Accounts)
        {
            var snapshot = await Client(simulator, account).FetchAsync(CancellationToken.None);

            Assert.True(snapshot.IsSuccess, snapshot.Error?.Message);
            AssertMatches(simulator.Truth(account.Id), snapshot.Value!, account.IsChainUp);
        }
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_signature_on_both_venues()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(2), TickInterval = null });

        foreach (var account in simulator.Accounts)
        {
            var result = await Client(simulator, account with { Secret = "not-the-secret" }).FetchAsync(CancellationToken.None);

            Assert.Equal(RestErrorKind.InvalidSignature, result.Error?.Kind);
        }
    }

    [Fact]
    public async Task Unknown_keys_and_stale_timestamps_are_authentication_failures()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(2), TickInterval = null });
        var stale = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-5));

        foreach (var account in simulator.Accounts)
        {
            Assert.Equal(RestErrorKind.AuthenticationFailed, (await Client(simulator, account with { ApiKey = "nobody" }).FetchAsync(CancellationToken.None)).Error?.Kind);
            Assert.Equal(RestErrorKind.AuthenticationFailed, (await Client(simulator, account, stale).FetchAsync(CancellationToken.None)).Error?.Kind);
        }
    }

    [Fact]
    public async Task Too_many_calls_per_second_and_the_rate_limit_fault_answer_with_the_venue_s_limit_error()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(2), TickInterval = null, RestRequestsPerSecond = 2 });
        var coinw = simulator.Accounts.Single(a => !a.IsChainUp);
        var chainup = simulator.Accounts.Single(a => a.IsChainUp);

        // CoinW's snapshot is three calls: the third is over a limit of two per second.
        Assert.Equal(RestErrorKind.RateLimited, (await Client(simulator, coinw).FetchAsync(CancellationToken.None)).Error?.Kind);
        simulator.Faults(chainup.Id).RateLimitRest = true;
        Assert.Equal(RestErrorKind.RateLimited, (await Client(simulator, chainup).FetchAsync(CancellationToken.None)).Error?.Kind);
    }

    [Fact]
    public async Task Unsigned_calls_are_refused()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(1), TickInterval = null });

        var coinw = await Http.GetStringAsync(new Uri(simulator.BaseUri, "/v1/perpum/positions/all"));
        var chainup = await Http.GetAsync(new Uri(simulator.BaseUri, "/fapi/v1/account"));

        Assert.Contains("\"code\":402", coinw);
        Assert.Equal(400, (int)chainup.StatusCode);
        Assert.Contains("-1023", await chainup.Content.ReadAsStringAsync());
    }

    private static ISnapshotClient Client(SimulatorHost simulator, SimAccount account, TimeProvider? clock = null) => account.IsChainUp
        ? new ChainUpSnapshotClient(Http, simulator.BaseUri, account.ApiKey, account.Secret, clock ?? TimeProvider.System)
        : new CoinWSnapshotClient(Http, simulator.BaseUri, account.ApiKey, account.Secret, clock ?? TimeProvider.System);

    private static void AssertMatches(AccountTruth truth, AccountSnapshot snapshot, bool chainUp)
    {
        var balance = Assert.Single(snapshot.Balances);
        Assert.Equal("USDT", balance.Asset);
        Assert.Equal((truth.Available, truth.Frozen, truth.Margin), (balance.Available, balance.Frozen, balance.Margin));
        Assert.Equal(truth.Positions.Count, snapshot.Positions.Count);
        foreach (var p in truth.Positions)
        {
            var position = Assert.Single(snapshot.Positions, s => s.PositionId == p.Id);
            Assert.Equal(chainUp ? $"E-{p.Instrument}-USDT" : p.Instrument, position.Instrument);
            Assert.Equal(p.Long ? TradeSide.Long : TradeSide.Short, position.Side);
            Assert.Equal((p.Quantity, p.EntryPrice, p.Leverage, p.Margin), (position.Quantity, position.EntryPrice, position.Leverage, position.Margin));
        }
        Assert.Equal(truth.OpenOrders.Count, snapshot.OpenOrders.Count);
        foreach (var o in truth.OpenOrders)
        {
            var order = Assert.Single(snapshot.OpenOrders, s => s.OrderId == o.Id);
            Assert.Equal((o.Price, o.Quantity, o.Filled), (order.Price, order.Quantity, order.FilledQuantity));
            Assert.Equal(o.Filled == 0 ? OrderStatus.New : OrderStatus.PartiallyFilled, order.Status);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
