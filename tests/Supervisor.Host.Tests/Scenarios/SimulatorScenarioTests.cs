using System.IO.Compression;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Host.Demo;
using Akka.Actor;
using Supervisor.Actors.State;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// Failure scenarios against the simulator on loopback, both venues: after each failure the account reconnects,
/// resubscribes, reconciles with the venue's REST snapshot, and its persisted state equals the ground truth again —
/// including changes made while it was disconnected.
/// </summary>
public sealed class SimulatorScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Happy_path_every_account_on_both_venues_equals_the_ground_truth()
    {
        await using var harness = await ScenarioHarness.StartAsync(6, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(40, continuous: true);
        Assert.Contains(harness.Accounts, a => harness.Simulator.Truth(a.Id).TriggerOrders.Count > 0);
        Assert.Contains(harness.Accounts, a => harness.Simulator.Truth(a.Id).Fills > 0);
    }

    [Fact]
    public async Task One_shared_market_connection_values_every_CoinW_position_at_the_simulator_s_mark()
    {
        await using var harness = await ScenarioHarness.StartAsync(8, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(30, continuous: true);
        var coinw = harness.Accounts.Where(a => !a.IsChainUp).ToList();
        var held = coinw.SelectMany(a => harness.Simulator.Truth(a.Id).Positions.Select(p => p.Instrument)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(held);

        await harness.AwaitConditionAsync(async () =>
        {
            var states = await Task.WhenAll(coinw.Select(harness.StateAsync));
            return states.All(s => DemoComparison.MarkDifferences(harness.Simulator.Truth(s.AccountId), s, i => harness.Simulator.MarkPrice("coinw", i)).Count == 0);
        }, "every CoinW position valued at the current mark");
        var market = Assert.Single((await harness.Root.Ask<MarketDataStatuses>(new GetMarketDataStatus(), TimeSpan.FromSeconds(5))).Venues);
        Assert.Equal(ConnectionStatus.Live, market.Connection);
        Assert.Equal(0, market.Reconnects);
        Assert.Equal(held, market.Instruments);
    }

    [Fact]
    public async Task Two_hundred_accounts_at_once_all_go_live_and_match_the_truth()
    {
        await using var harness = await ScenarioHarness.StartAsync(200, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(5, continuous: true);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_resubscribes_and_the_state_still_equals_the_truth()
    {
        await using var harness = await ScenarioHarness.StartAsync(4, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.DropConnections(account.Id);
        }
        await harness.AwaitAsync(s => s.All(a => a.Reconnects >= 1 && a.Connection == ConnectionStatus.Live), "every account reconnected");
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task Trading_while_disconnected_is_recovered_by_reconciliation_after_the_reconnect()
    {
        await using var harness = await ScenarioHarness.StartAsync(4, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.DropConnections(account.Id);
        }
        // These steps run before any account can be back (backoff, connect, login, subscribe): their pushes are lost.
        for (var i = 0; i < 30; i++)
        {
            harness.Simulator.Step();
        }
        await harness.AwaitAsync(s => s.All(a => a.Reconnects >= 1 && a.Connection == ConnectionStatus.Live), "every account reconnected");
        await harness.AwaitTruthAsync();
        foreach (var account in harness.Accounts)
        {
            var state = await harness.StateAsync(account);
            Assert.NotNull(state.ReconciledAt);
            Assert.Equal(ReconciliationStatus.Done, state.Reconciliation);
        }
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task A_rate_limited_snapshot_is_retried_while_pushes_keep_flowing()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, output: output);
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).RateLimitRest = true;
        }
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
        await harness.AwaitStatesAsync(s => s.Reconciliation == ReconciliationStatus.Failed, "failed reconciliations");
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).RateLimitRest = false;
        }
        await harness.AwaitStatesAsync(s => s.Reconciliation == ReconciliationStatus.Done, "reconciliation done after the limit lifted");
        await harness.StepAndAwaitTruthAsync(5);
    }

    [Fact]
    public async Task Stalled_pongs_restart_the_connection()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, output: output);
        await harness.AwaitAllLiveAsync();
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).StallPings = true;
        }
        await harness.AwaitAsync(s => s.All(a => a.Reconnects >= 1), "a reconnect after the missed pong");
        // The operator sees why, per account.
        Assert.All(await harness.StatusesAsync(), s => Assert.StartsWith("No pong within", s.LastProblem));
        foreach (var account in harness.Accounts)
        {
            harness.Simulator.Faults(account.Id).StallPings = false;
        }
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task A_SYSTEM_close_from_ChainUp_reconnects_that_account_only()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, output: output);
        await harness.AwaitAllLiveAsync();
        var chainup = harness.Accounts.Single(a => a.IsChainUp);
        harness.Simulator.SendSystemClose(chainup.Id);
        await harness.AwaitAsync(s => s.Single(a => a.AccountId == chainup.Id).Reconnects >= 1 && s.All(a => a.Connection == ConnectionStatus.Live), "the ChainUP account reconnected");
        Assert.Equal(0, (await harness.StatusesAsync()).Single(a => !a.AccountId.Equals(chainup.Id, StringComparison.Ordinal)).Reconnects);
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task Rejected_credentials_on_one_account_leave_the_others_live_and_trading()
    {
        await using var harness = await ScenarioHarness.StartAsync(4, output: output);
        var victim = harness.Accounts.First(a => !a.IsChainUp);
        harness.Simulator.Faults(victim.Id).RejectAuth = true;
        await harness.AwaitAsync(s => s.Single(a => a.AccountId == victim.Id).Connection == ConnectionStatus.AuthFailed
            && s.Where(a => a.AccountId != victim.Id).All(a => a.Connection == ConnectionStatus.Live), "one AuthFailed, the others live");
        for (var i = 0; i < 10; i++)
        {
            harness.Simulator.Step();
        }
        await harness.AwaitTruthAsync(harness.Accounts.Where(a => a.Id != victim.Id));
        harness.Simulator.Faults(victim.Id).RejectAuth = false;
        await harness.AwaitAsync(s => s.Single(a => a.AccountId == victim.Id).Connection == ConnectionStatus.Live, "the victim live after its credentials work again");
    }

    [Fact]
    public async Task Repeatedly_rejected_subscriptions_fail_the_connection_until_the_venue_accepts_them_again()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, output: output);
        await harness.AwaitAllLiveAsync();
        var coinw = harness.Accounts.Single(a => !a.IsChainUp);
        harness.Simulator.Faults(coinw.Id).RejectSubscriptions = true;
        harness.Simulator.DropConnections(coinw.Id);
        await harness.AwaitAsync(s => s.Single(a => a.AccountId == coinw.Id).Reconnects >= 2, "reconnects while every subscribe is rejected");
        Assert.NotEqual(ConnectionStatus.Live, (await harness.StatusesAsync()).Single(a => a.AccountId == coinw.Id).Connection);
        harness.Simulator.Faults(coinw.Id).RejectSubscriptions = false;
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task Malformed_frames_and_a_gzip_bomb_are_dropped_without_losing_the_stream()
    {
        await using var harness = await ScenarioHarness.StartAsync(2, output: output);
        await harness.AwaitAllLiveAsync();
        var coinw = harness.Accounts.Single(a => !a.IsChainUp);
        var chainup = harness.Accounts.Single(a => a.IsChainUp);
        harness.Simulator.SendRaw(coinw.Id, "{\"type\":\"order\",\"data\":[{\"id\":1}]"u8.ToArray(), binary: false);
        harness.Simulator.SendRaw(coinw.Id, "not json at all"u8.ToArray(), binary: false);
        using (var bomb = new MemoryStream())
        {
            using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize))
            {
                gzip.Write(new byte[20 * 1024 * 1024]);
            }
            harness.Simulator.SendRaw(chainup.Id, bomb.ToArray(), binary: true);
        }
        await harness.StepAndAwaitTruthAsync(10, continuous: true);
        Assert.All(await harness.StatusesAsync(), s => Assert.Equal(0, s.Reconnects));
    }

    [Fact]
    public async Task A_journal_outage_stops_the_state_actors_and_after_it_every_account_recovers_what_it_missed()
    {
        await using var harness = await ScenarioHarness.StartAsync(4, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(10);
        var failures = new PersistFailures(harness);
        await using (await SqliteWriteLock.TakeAsync(harness.Journal.ConnectionString))
        {
            // Each step pushes changes to the accounts; each write waits out SQLite's busy timeout, then fails.
            for (var i = 0; failures.Failed.Count < harness.Accounts.Count; i++)
            {
                Assert.True(i < 40, $"only {string.Join(", ", failures.Failed)} failed a write while the journal was locked");
                harness.Simulator.Step();
                await failures.ExpectNextAsync(harness.Accounts, TimeSpan.FromSeconds(30));
            }
            // Pushes of these steps reach state actors that are stopped or cannot write: only reconciliation brings them back.
            for (var i = 0; i < 20; i++)
            {
                harness.Simulator.Step();
            }
        }
        await harness.AwaitTruthAsync(timeout: TimeSpan.FromSeconds(60));
        Assert.All(await harness.StatusesAsync(), s => Assert.Equal(0, s.Reconnects));
        await harness.StepAndAwaitTruthAsync(10);
    }

    [Fact]
    public async Task The_whole_supervisor_stopped_and_started_again_on_the_same_journal_recovers_every_account()
    {
        await using var harness = await ScenarioHarness.StartAsync(6, output: output);
        await harness.AwaitAllLiveAsync();
        await harness.StepAndAwaitTruthAsync(30);
        var before = await Task.WhenAll(harness.Accounts.Select(harness.StateAsync));

        await harness.RestartSupervisorAsync(whileDown: () =>
        {
            for (var i = 0; i < 15; i++)
            {
                harness.Simulator.Step();
            }
        });

        // Recovered from the journal first (nothing acknowledged is lost), then reconciled with what happened meanwhile.
        var recovered = await Task.WhenAll(harness.Accounts.Select(harness.StateAsync));
        Assert.All(recovered.Zip(before), pair => Assert.True(pair.Item1.SequenceNr >= pair.Item2.SequenceNr,
            $"{pair.Item1.AccountId} recovered to {pair.Item1.SequenceNr}, had {pair.Item2.SequenceNr}"));
        await harness.AwaitAllLiveAsync();
        await harness.AwaitTruthAsync();
        await harness.StepAndAwaitTruthAsync(10);
    }
}
