using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Tests.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Accounts;

/// <summary>
/// The single node's account tree (<see cref="LocalAccounts"/>: the cluster's entity, keeper and node protocol over the
/// local region) against scripted venues on loopback.
/// </summary>
public sealed class LocalAccountsTests : ActorSpec
{
    private static readonly AccountSettings Settings = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(60),
        RandomFactor = 0,
        AuthRetry = TimeSpan.FromMinutes(5),
    };

    public LocalAccountsTests()
        : base(VirtualTime())
    {
    }

    private static AccountStatus StatusOf(IActorRef root, string id) =>
        root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult().Accounts.Single(a => a.AccountId == id);

    private void AwaitStatus(IActorRef root, string id, ConnectionStatus status) =>
        AwaitAssert(() => Assert.Equal(status, StatusOf(root, id).Connection), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));

    // The reconnect backoff starts once the connection has stopped, which can be just after Reconnecting is reported:
    // virtual time moves on in steps until the account is live again (at most 1.5 s), and the time it took is returned.
    private TimeSpan AdvanceUntilLive(IActorRef root, string id)
    {
        var waited = TimeSpan.Zero;
        AwaitAssert(() =>
        {
            if (StatusOf(root, id).Connection != ConnectionStatus.Live && waited < TimeSpan.FromMilliseconds(1500))
            {
                waited += TimeSpan.FromMilliseconds(250);
                Scheduler.Advance(TimeSpan.FromMilliseconds(250));
            }
            Assert.Equal(ConnectionStatus.Live, StatusOf(root, id).Connection);
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        return waited;
    }

    [Fact]
    public async Task Every_account_gets_its_own_live_connection()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var accounts = new[] { new AccountDefinition("a1", new ScriptedProtocol(venue.Uri)), new AccountDefinition("a2", new ScriptedProtocol(venue.Uri)) };
        var root = LocalAccounts.Start(Sys, new AccountRegistry(accounts), Settings, null).Accounts;
        AwaitStatus(root, "a1", ConnectionStatus.Live);
        AwaitStatus(root, "a2", ConnectionStatus.Live);
    }

    [Fact]
    public async Task Rejected_credentials_mark_one_account_AuthFailed_and_leave_the_others_live()
    {
        await using var good = await ScriptedVenue.StartAsync();
        await using var bad = await ScriptedVenue.StartAsync(loginReply: "login-bad");
        // Minutes of virtual time pass below in two jumps; the live account's pings must not fall due inside them,
        // since a jump fires a pong deadline before the real socket can answer.
        var slowHeartbeat = new HeartbeatSettings { Interval = TimeSpan.FromMinutes(5), PongTimeout = TimeSpan.FromMinutes(5), SilenceTimeout = TimeSpan.FromHours(1) };
        var accounts = new[] { new AccountDefinition("ok", new ScriptedProtocol(good.Uri, heartbeat: slowHeartbeat)), new AccountDefinition("rejected", new ScriptedProtocol(bad.Uri)) };
        var root = LocalAccounts.Start(Sys, new AccountRegistry(accounts), Settings, null).Accounts;
        AwaitStatus(root, "rejected", ConnectionStatus.AuthFailed);
        AwaitStatus(root, "ok", ConnectionStatus.Live);
        var rejected = StatusOf(root, "rejected");
        Assert.Equal(1, rejected.AuthFailures);
        Assert.Equal("bad key", rejected.LastProblem);

        // No fast retry: nothing happens before the long auth backoff...
        Scheduler.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, StatusOf(root, "rejected").AuthFailures);
        // ...then exactly one new attempt.
        Scheduler.Advance(TimeSpan.FromMinutes(1));
        AwaitAssert(() => Assert.Equal(2, StatusOf(root, "rejected").AuthFailures), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));
        Assert.Equal(ConnectionStatus.Live, StatusOf(root, "ok").Connection);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_after_the_backoff_and_counts_the_reconnect()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var root = LocalAccounts.Start(Sys, new AccountRegistry([new AccountDefinition("a1", new ScriptedProtocol(venue.Uri))]), Settings, null).Accounts;
        AwaitStatus(root, "a1", ConnectionStatus.Live);
        // One warning line naming the account, no stack trace, and no error: a lost socket is operations, not a bug.
        await EventFilter.Warning(contains: "Account a1 on scripted:").ExpectOneAsync(async () =>
        {
            await venue.Push.Writer.WriteAsync("drop");
            AwaitStatus(root, "a1", ConnectionStatus.Reconnecting);
        });
        var waited = AdvanceUntilLive(root, "a1");
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1500));
        Assert.Equal(1, StatusOf(root, "a1").Reconnects);
    }

    [Fact]
    public async Task Accounts_are_added_and_removed_at_run_time_and_duplicates_are_refused()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var root = LocalAccounts.Start(Sys, new AccountRegistry([]), Settings, null).Accounts;
        root.Tell(new AddAccount(new AccountDefinition("late", new ScriptedProtocol(venue.Uri))));
        ExpectMsg(new AccountAdded("scripted", "late"));
        root.Tell(new AddAccount(new AccountDefinition("late", new ScriptedProtocol(venue.Uri))));
        Assert.Contains("already supervised", ExpectMsg<AccountRejected>().Reason);
        root.Tell(new AddAccount(new AccountDefinition("bad/name", new ScriptedProtocol(venue.Uri))));
        Assert.Contains("cannot name an actor", ExpectMsg<AccountRejected>().Reason);
        AwaitStatus(root, "late", ConnectionStatus.Live);
        root.Tell(new RemoveAccount("scripted", "late"));
        ExpectMsg(new AccountRemoved("scripted", "late", true));
        Assert.Empty((await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(5))).Accounts);
    }

    [Fact]
    public async Task A_status_report_asked_while_an_account_is_removed_still_reports_the_others()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var root = LocalAccounts.Start(Sys, new AccountRegistry([new AccountDefinition("a1", new ScriptedProtocol(venue.Uri)), new AccountDefinition("a2", new ScriptedProtocol(venue.Uri))]), Settings, null).Accounts;
        AwaitStatus(root, "a2", ConnectionStatus.Live);

        // Usually the stop reaches a1 before the question does (system messages go first) and a1 never answers; if a1
        // answers first, the report simply comes first. Either way there is a report, and it has a2.
        root.Tell(new GetAccountStatuses());
        root.Tell(new RemoveAccount("scripted", "a1"));
        var first = ExpectMsg<object>(TimeSpan.FromSeconds(5));
        // The root's 5 s Ask of the stopped account times out in real time (Akka's Ask timeouts ignore the TestScheduler).
        var second = ExpectMsg<object>(TimeSpan.FromSeconds(15));

        Assert.Contains(new AccountRemoved("scripted", "a1", true), new[] { first, second });
        var report = Assert.Single(new[] { first, second }.OfType<AccountStatuses>());
        Assert.Contains(report.Accounts, s => s.AccountId == "a2");
    }

    [Fact]
    public async Task A_replaced_account_stops_before_its_new_definition_starts_under_the_same_name()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var root = LocalAccounts.Start(Sys, new AccountRegistry([new AccountDefinition("a1", new ScriptedProtocol(venue.Uri)) { Fingerprint = "v1" }]), Settings, null).Accounts;
        AwaitStatus(root, "a1", ConnectionStatus.Live);
        await venue.Push.Writer.WriteAsync("drop");
        AwaitStatus(root, "a1", ConnectionStatus.Reconnecting);
        AdvanceUntilLive(root, "a1");
        Assert.Equal(1, StatusOf(root, "a1").Reconnects);

        root.Tell(new ReplaceAccount(new AccountDefinition("a1", new ScriptedProtocol(venue.Uri)) { Fingerprint = "v2" }));
        ExpectMsg(new AccountReplaced("scripted", "a1"), TimeSpan.FromSeconds(10));
        // A fresh account: its connection counts from zero again.
        AwaitAssert(() =>
        {
            var status = StatusOf(root, "a1");
            Assert.Equal((ConnectionStatus.Live, 0), (status.Connection, status.Reconnects));
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));

        // Replacing an account that is not there yet adds it; an id that cannot be an actor name is refused.
        root.Tell(new ReplaceAccount(new AccountDefinition("a2", new ScriptedProtocol(venue.Uri))));
        ExpectMsg(new AccountReplaced("scripted", "a2"));
        root.Tell(new ReplaceAccount(new AccountDefinition("a/3", new ScriptedProtocol(venue.Uri))));
        ExpectMsg<AccountRejected>();
        AwaitStatus(root, "a2", ConnectionStatus.Live);
        Assert.Equal(["a1", "a2"], (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(5))).Accounts.Select(a => a.AccountId));
    }

    [Fact]
    public async Task Decoded_events_reach_the_account_event_recipient()
    {
        await using var venue = await ScriptedVenue.StartAsync();
        var probe = CreateTestProbe();
        var root = LocalAccounts.Start(Sys, new AccountRegistry([new AccountDefinition("a1", new ScriptedProtocol(venue.Uri))]), Settings, _ => Props.Create(() => new Forwarder(probe.Ref))).Accounts;
        AwaitStatus(root, "a1", ConnectionStatus.Live);
        await venue.Push.Writer.WriteAsync("event:fill-1");
        Assert.Equal(["fill-1"], probe.FishForMessage<VenueEventsReceived>(_ => true).Events);
        Assert.Equal(1, StatusOf(root, "a1").Events);
    }

    [Fact]
    public async Task Pushes_end_up_in_the_persisted_state_of_their_own_account_only()
    {
        await using var one = await ScriptedVenue.StartAsync();
        await using var two = await ScriptedVenue.StartAsync();
        var accounts = new[] { new AccountDefinition("one", new ScriptedProtocol(one.Uri)), new AccountDefinition("two", new ScriptedProtocol(two.Uri)) };
        var root = LocalAccounts.Start(Sys, new AccountRegistry(accounts), Settings, a => Supervisor.Actors.State.AccountStateActor.Props(a.Id, a.Venue)).Accounts;
        AwaitStatus(root, "one", ConnectionStatus.Live);
        AwaitStatus(root, "two", ConnectionStatus.Live);
        await one.Push.Writer.WriteAsync("asset:USDT:100.5");
        await two.Push.Writer.WriteAsync("asset:USDT:7");
        await AwaitAssertAsync(async () =>
        {
            var stateOne = await root.Ask<Supervisor.Actors.State.AccountState>(new ForAccount("scripted", "one", new Supervisor.Actors.State.GetAccountState()), TimeSpan.FromSeconds(5));
            var stateTwo = await root.Ask<Supervisor.Actors.State.AccountState>(new ForAccount("scripted", "two", new Supervisor.Actors.State.GetAccountState()), TimeSpan.FromSeconds(5));
            Assert.Equal(100.5m, stateOne.Assets["USDT"].Available);
            Assert.Equal(7m, stateTwo.Assets["USDT"].Available);
            Assert.Equal(ConnectionStatus.Live, stateOne.Connection);
        }, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => root.Ask<object>(new ForAccount("scripted", "nobody", new Supervisor.Actors.State.GetAccountState()), TimeSpan.FromSeconds(5)));
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Tell(m, Sender));
    }
}
