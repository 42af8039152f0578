using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using Supervisor.Venues.Rest;

namespace Supervisor.Simulator.Tests;

/// <summary>The venues' timeouts, cadences and REST windows run on <see cref="SimulatorOptions.TimeProvider"/>.</summary>
public sealed class VirtualTimeTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task CoinW_drops_a_socket_silent_for_60_s_of_the_clock_and_keeps_one_that_talks()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await TestSocket.ConnectAsync(host.CoinWUri);
        await socket.SendAsync("""{"event":"ping"}""");
        Assert.Equal("""{"event":"pong"}""", await socket.ReceiveAsync());

        clock.Advance(TimeSpan.FromSeconds(59));
        await socket.SendAsync("""{"event":"ping"}""");
        Assert.Equal("""{"event":"pong"}""", await socket.ReceiveAsync());
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.False(await socket.ReceiveEndAsync(), "a reset, as the venue's 1006");
    }

    [Fact]
    public async Task ChainUp_drops_a_socket_40_s_after_its_last_ping_and_other_frames_do_not_count()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        clock.Advance(TimeSpan.FromSeconds(39));
        await socket.SendAsync("""{"ping":1735689600000}""");
        Assert.Equal("""{"pong":1735689600001}""", await socket.ReceiveAsync());

        clock.Advance(TimeSpan.FromSeconds(30));
        await socket.SendAsync("""{"event":"sub","apiKey":"cl-key","broker":1003}""");
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await socket.ReceiveEndAsync());
    }

    [Fact]
    public async Task ChainUp_pushes_ADL_PRICE_once_per_second_of_the_clock_while_positions_are_open()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        await Venues.StepUntilAPositionIsOpenAsync(host, Venues.ChainUp, socket);

        for (var second = 0; second < 3; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains("\"channel\":\"ADL_PRICE\"", await socket.ReceiveAsync());
        }
        Assert.False(await socket.ReceivesWithinAsync(TimeSpan.FromMilliseconds(300)), "nothing more while the clock stands still");
    }

    [Fact]
    public async Task REST_timestamps_are_checked_against_the_simulator_s_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));

        foreach (var account in host.Accounts)
        {
            Assert.True((await Client(host, account, clock).FetchAsync(default)).IsSuccess);
            Assert.Equal(RestErrorKind.AuthenticationFailed, (await Client(host, account, TimeProvider.System).FetchAsync(default)).Error?.Kind);
        }
    }

    [Fact]
    public async Task The_REST_rate_limit_window_opens_again_when_the_clock_moves_a_second()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock) with { RestRequestsPerSecond = 4 });
        var coinw = Client(host, Venues.CoinW, clock);

        // CoinW's snapshot is four calls (assets, positions, open orders, trigger orders): one snapshot fills the window, a second one is refused until the clock moves.
        Assert.True((await coinw.FetchAsync(default)).IsSuccess);
        Assert.Equal(RestErrorKind.RateLimited, (await coinw.FetchAsync(default)).Error?.Kind);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await coinw.FetchAsync(default)).IsSuccess);
    }

    [Fact]
    public async Task The_activity_timer_runs_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock) with { TickInterval = TimeSpan.FromSeconds(1) });
        using var socket = await Venues.CoinWPrivateAsync(host);
        Assert.Equal(0, host.Truth(Venues.CoinW.Id).Changes);

        clock.Advance(TimeSpan.FromSeconds(1));

        await socket.ReceiveAsync();
        Assert.True(host.Truth(Venues.CoinW.Id).Changes > 0);
    }

    private static ISnapshotClient Client(SimulatorHost host, SimAccount account, TimeProvider clock) => account.IsChainUp
        ? new ChainUpSnapshotClient(Http, host.BaseUri, account.ApiKey, account.Secret, clock)
        : new CoinWSnapshotClient(Http, host.BaseUri, account.ApiKey, account.Secret, clock);
}
