using Akka.Actor;
using Supervisor.Actors.Connection;
using Supervisor.Simulator;

namespace Supervisor.Actors.Tests.Metrics;

/// <summary>The instruments as real accounts drive them against the simulator (one CoinW, one ChainUP account on coinlocally).</summary>
public sealed class AccountMetricsTests : IAsyncLifetime
{
    private const string Frames = "supervisor_frames_received";
    private const string Events = "supervisor_events_decoded";
    private const string Reconnects = "supervisor_reconnects";
    private const string DecodeErrors = "supervisor_decode_errors";
    private const string Accounts = "supervisor_accounts";
    private SimulatedAccounts _run = null!;

    private SimulatedAccounts Run => _run;

    public async Task InitializeAsync()
    {
        _run = await SimulatedAccounts.StartAsync(2);
        await _run.AwaitAllLiveAsync();
    }

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task Frames_and_events_are_counted_by_venue_as_the_connections_count_them()
    {
        for (var i = 0; i < 5; i++)
        {
            Run.Simulator.Step();
        }
        await Run.Kit.AwaitAssertAsync(async () =>
        {
            foreach (var account in Run.Accounts)
            {
                // One connection per venue and no reconnect here, so the venue's counters equal that connection's own.
                var stats = await Run.System.ActorSelection(Run.Actors[account.Id].Path / "connection-supervisor" / "connection")
                    .Ask<ConnectionStats>(new GetConnectionStats(), TimeSpan.FromSeconds(5));
                Assert.True(stats.Events > 0, $"{account.Venue}: no events yet");
                Assert.Equal(stats.Frames, Run.Recorder.Sum(Frames, ("venue", account.Venue)));
                Assert.Equal(stats.Events, Run.Recorder.Sum(Events, ("venue", account.Venue)));
            }
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        Assert.All(Run.Recorder.TagSets(Frames), tags => Assert.Equal(SimulatedAccounts.Node, tags["node"]));
        // Akka.Hosting started the system: the Meter is the host's (its IMeterFactory's), not one of the extension's own.
        Assert.NotNull(Run.Metrics.Meter.Scope);
        Assert.Equal(["coinlocally", "coinw"], Run.Recorder.TagSets(Events).Select(t => t["venue"]).Distinct().Order());
    }

    [Fact]
    public async Task Each_journal_write_is_timed_once_and_the_persist_queue_drains_to_zero()
    {
        for (var i = 0; i < 10; i++)
        {
            Run.Simulator.Step();
        }
        await Run.Kit.AwaitAssertAsync(async () =>
        {
            // Every write here comes from frames (no reconciliation), and the state actor counts the ones it measured.
            long writes = 0;
            foreach (var account in Run.Accounts)
            {
                writes += (await Run.LagAsync(account)).Writes;
            }
            Assert.True(writes > 0, "no write yet");
            Assert.Equal(writes, Run.Recorder.Count("supervisor_journal_write_seconds", ("node", SimulatedAccounts.Node)));
            Assert.Equal(writes, Run.Recorder.Count("supervisor_frame_persisted_seconds"));
            Assert.Equal(0, Run.Recorder.Gauge("supervisor_persist_queue_depth", ("node", SimulatedAccounts.Node)));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));
        Assert.True(Run.Recorder.Count("supervisor_frame_persisted_seconds", ("venue", "coinw")) > 0);
        Assert.True(Run.Recorder.Count("supervisor_frame_persisted_seconds", ("venue", "coinlocally")) > 0);
    }

    [Fact]
    public async Task Accounts_by_status_follow_the_live_accounts_and_forget_a_stopped_one()
    {
        Assert.Equal(1, Run.Recorder.Gauge(Accounts, ("venue", "coinw"), ("status", "live")));
        Assert.Equal(1, Run.Recorder.Gauge(Accounts, ("venue", "coinlocally"), ("status", "live")));
        Assert.Equal(2, Run.Recorder.Gauge(Accounts, ("node", SimulatedAccounts.Node)));

        var coinw = Run.Accounts.Single(a => a.Venue == "coinw");
        await Run.Actors[coinw.Id].GracefulStop(TimeSpan.FromSeconds(10));
        await Run.AwaitAsync(() => Run.Recorder.Gauge(Accounts, ("venue", "coinw")) == 0, "the stopped account to leave the table");
        Assert.Equal(1, Run.Recorder.Gauge(Accounts, ("venue", "coinlocally"), ("status", "live")));
    }

    [Fact]
    public async Task A_forced_reconnect_is_counted_once_with_its_reason()
    {
        var coinw = Run.Accounts.Single(a => a.Venue == "coinw");
        var chainup = Run.Accounts.Single(a => a.IsChainUp);
        Run.Simulator.Apply(new FaultRequest("drop", coinw.Id));
        Run.Simulator.Apply(new FaultRequest("system-close", chainup.Id));
        await Run.AwaitAsync(() => Run.Recorder.Sum(Reconnects, ("venue", "coinw"), ("reason", "socket_closed")) == 1
            && Run.Recorder.Sum(Reconnects, ("venue", "coinlocally"), ("reason", "venue_closed")) == 1, "one reconnect of each");
        await Run.AwaitAllLiveAsync();
        Run.Simulator.Apply(new FaultRequest("stall", coinw.Id));
        await Run.AwaitAsync(() => Run.Recorder.Sum(Reconnects, ("reason", "heartbeat_timeout")) >= 1, "the late pong to be counted");
        Assert.Equal(1, Run.Recorder.Sum(Reconnects, ("venue", "coinw"), ("reason", "socket_closed")));
        Assert.Equal(0, Run.Recorder.Sum(Reconnects, ("venue", "coinlocally"), ("reason", "heartbeat_timeout")));
    }

    [Fact]
    public async Task Undecodable_frames_are_counted_by_kind_and_a_burst_as_a_reconnect()
    {
        var coinw = Run.Accounts.Single(a => a.Venue == "coinw");
        var chainup = Run.Accounts.Single(a => a.IsChainUp);
        Run.Simulator.Apply(new FaultRequest("oversized", coinw.Id));
        Run.Simulator.Apply(new FaultRequest("gzip-bomb", chainup.Id));
        await Run.AwaitAsync(() => Run.Recorder.Sum(DecodeErrors, ("venue", "coinw"), ("kind", "too_large")) == 1
            && Run.Recorder.Sum(DecodeErrors, ("venue", "coinlocally"), ("kind", "bad_compression")) == 1, "the oversized frame and the bomb");

        // The connection tolerates 10 bad frames a minute: with the oversized one, the 10th malformed one is the burst.
        for (var i = 0; i < 10; i++)
        {
            Run.Simulator.Apply(new FaultRequest("malformed", coinw.Id));
        }
        await Run.AwaitAsync(() => Run.Recorder.Sum(Reconnects, ("venue", "coinw"), ("reason", "decode_burst")) == 1, "the burst to restart the stream");
        Assert.Equal(10, Run.Recorder.Sum(DecodeErrors, ("venue", "coinw"), ("kind", "malformed_json")));
        Assert.Equal(0, Run.Recorder.Sum(Reconnects, ("venue", "coinlocally")));
    }
}
