using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.State;
using Supervisor.Actors.Tests.Connection;

namespace Supervisor.Actors.Tests.Cluster;

/// <summary>
/// The sharded entity under a test parent standing in for its shard (its <see cref="Passivate"/> reaches
/// <c>TestActor</c>), on virtual time, with accounts whose venue port nobody listens on and state actors the test
/// controls through <c>stateFor</c>.
/// </summary>
public sealed class AccountEntityTests : ActorSpec
{
    private const string EntityId = "scripted|a1";
    private const string ChildName = "account-scripted-a1";
    private static readonly Uri DeadVenue = new("ws://127.0.0.1:1/");
    private static readonly AccountSettings Settings = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(60),
        RandomFactor = 0,
        AuthRetry = TimeSpan.FromMinutes(5),
    };

    private readonly TestProbe _started;
    private readonly TestProbe _state;

    public AccountEntityTests()
        : base(VirtualTime())
    {
        _started = CreateTestProbe();
        _state = CreateTestProbe();
    }

    private static AccountDefinition Definition(string fingerprint) => new("a1", new ScriptedProtocol(DeadVenue)) { Fingerprint = fingerprint };

    // Every state actor started tells _started the fingerprint it was made for, and hands GetJournalLag to _state.
    private Props? StateFor(AccountDefinition account)
    {
        _started.Ref.Tell(account.Fingerprint);
        var target = _state.Ref;
        return Props.Create(() => new ForwardingState(target));
    }

    private IActorRef Entity(IAccountRegistry registry, Func<AccountDefinition, Props?>? stateFor = null) =>
        ChildOf(AccountEntity.Props(EntityId, registry, Settings, stateFor ?? StateFor));

    private IActorRef? AccountOf(IActorRef entity) =>
        Sys.ActorSelection(entity.Path / ChildName).Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult().Subject;

    private IActorRef AwaitAccountOf(IActorRef entity, IActorRef? not = null)
    {
        IActorRef? account = null;
        AwaitAssert(() =>
        {
            account = AccountOf(entity);
            Assert.NotNull(account);
            Assert.NotEqual(not, account);
        }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
        return account!;
    }

    private TestProbe Watching(IActorRef actor)
    {
        var watcher = CreateTestProbe();
        watcher.Watch(actor);
        return watcher;
    }

    // Every message sent to the entity before this has been handled (Identify is answered in mailbox order).
    private void Handled(IActorRef entity) => entity.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    private static AccountStatus StatusOf(IActorRef entity) =>
        entity.Ask<AccountStatus>(new GetAccountStatus(), TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();

    [Fact]
    public void A_registered_entity_runs_its_account_under_the_account_s_name_and_forwards_what_it_is_sent()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]));

        _started.ExpectMsg("v1");
        var account = AwaitAccountOf(entity);
        Assert.Equal(ChildName, account.Path.Name);
        var status = StatusOf(entity);
        Assert.Equal(("a1", "scripted"), (status.AccountId, status.Venue));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_entity_id_not_in_the_registry_passivates_itself_at_start_runs_nothing_and_refuses_what_it_is_sent()
    {
        var entity = Entity(new AccountRegistry([]));

        var passivate = ExpectMsg<Passivate>();
        Assert.Equal(PoisonPill.Instance, passivate.StopMessage);
        Assert.Equal(entity, LastSender);
        entity.Tell(new GetAccountStatus());
        var refused = ExpectMsg<Status.Failure>();
        Assert.IsType<KeyNotFoundException>(refused.Cause);
        Assert.Contains(EntityId, refused.Cause.Message, StringComparison.Ordinal);
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Null(AccountOf(entity));

        // The shard's stop message, as it sends it on Passivate.
        var watcher = Watching(entity);
        entity.Tell(PoisonPill.Instance);
        watcher.ExpectTerminated(entity);
    }

    [Fact]
    public void An_unchanged_definition_leaves_the_running_account_alone()
    {
        var registry = new AccountRegistry([Definition("v1")]);
        var entity = Entity(registry);
        _started.ExpectMsg("v1");
        var account = AwaitAccountOf(entity);
        var watcher = Watching(account);

        // Replaced by an equal definition (same fingerprint), and refreshed more than once: nothing happens.
        registry.Replace(Definition("v1"));
        entity.Tell(new RefreshAccount());
        entity.Tell(new RefreshAccount());
        Handled(entity);

        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(account, AccountOf(entity));
    }

    [Fact]
    public void A_changed_definition_stops_the_account_and_starts_it_again_with_the_new_one_under_the_same_name()
    {
        var registry = new AccountRegistry([Definition("v1")]);
        var entity = Entity(registry);
        _started.ExpectMsg("v1");
        var old = AwaitAccountOf(entity);
        var watcher = Watching(old);

        registry.Replace(Definition("v2"));
        entity.Tell(new RefreshAccount());

        watcher.ExpectTerminated(old);
        _started.ExpectMsg("v2");
        var account = AwaitAccountOf(entity, not: old);
        Assert.Equal(ChildName, account.Path.Name);
        Assert.Equal("a1", StatusOf(entity).AccountId);
        // A restart, not a passivation: the shard is not asked to stop the entity.
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_definition_changed_and_changed_back_while_the_old_account_stops_starts_what_the_registry_holds_now()
    {
        // The old account's state actor holds its stop (PostStop) until the test opens the gate, so two refreshes are
        // handled while the first restart is under way.
        using var gate = new ManualResetEventSlim();
        var first = true;
        var registry = new AccountRegistry([Definition("v1")]);
        var stopping = CreateTestProbe();
        var entity = Entity(registry, account =>
        {
            _started.Ref.Tell(account.Fingerprint);
            if (!first)
            {
                return null;
            }
            first = false;
            var probe = stopping.Ref;
            return Props.Create(() => new GatedState(gate, probe));
        });
        _started.ExpectMsg("v1");
        var old = AwaitAccountOf(entity);
        var watcher = Watching(old);

        registry.Replace(Definition("v2"));
        entity.Tell(new RefreshAccount());
        stopping.ExpectMsg("stopping");
        registry.Replace(Definition("v1"));
        entity.Tell(new RefreshAccount());
        Handled(entity);
        gate.Set();

        watcher.ExpectTerminated(old);
        _started.ExpectMsg("v1");
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        AwaitAccountOf(entity, not: old);
    }

    [Fact]
    public void A_removed_account_is_stopped_and_the_entity_asks_its_shard_to_passivate_it()
    {
        var registry = new AccountRegistry([Definition("v1")]);
        var entity = Entity(registry);
        _started.ExpectMsg("v1");
        var account = AwaitAccountOf(entity);
        var accountWatcher = Watching(account);
        var entityWatcher = Watching(entity);

        Assert.True(registry.Remove("scripted", "a1"));
        entity.Tell(new RefreshAccount());

        Assert.Equal(PoisonPill.Instance, ExpectMsg<Passivate>().StopMessage);
        accountWatcher.ExpectTerminated(account);
        // It waits for the shard's stop message, and is not started again meanwhile.
        entityWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _started.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        entity.Tell(PoisonPill.Instance);
        entityWatcher.ExpectTerminated(entity);
    }

    [Fact]
    public void An_entity_started_before_its_account_was_registered_starts_it_on_refresh()
    {
        var registry = new AccountRegistry([]);
        var entity = Entity(registry);
        ExpectMsg<Passivate>();

        Assert.True(registry.Add(Definition("v1")));
        entity.Tell(new RefreshAccount());

        _started.ExpectMsg("v1");
        AwaitAccountOf(entity);
        Assert.Equal("a1", StatusOf(entity).AccountId);
    }

    [Fact]
    public void On_hand_off_the_entity_stops_only_once_its_state_actor_has_answered_after_its_writes()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]));
        _started.ExpectMsg("v1");
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);

        _state.ExpectMsg<GetJournalLag>();
        Assert.Equal(entity, _state.LastSender);
        Handled(entity);
        Scheduler.Advance(TimeSpan.FromSeconds(9));
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        // What it is sent meanwhile still reaches the account.
        Assert.Equal("a1", StatusOf(entity).AccountId);

        _state.Reply(new JournalLag("a1", TimeSpan.Zero, TimeSpan.Zero, 3));

        watcher.ExpectTerminated(entity);
        // A hand-off, not a passivation.
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void On_hand_off_a_failed_answer_of_the_state_actor_stops_the_entity_too()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]));
        _started.ExpectMsg("v1");
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);
        _state.ExpectMsg<GetJournalLag>();
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _state.Reply(new Status.Failure(new InvalidOperationException("journal down")));

        watcher.ExpectTerminated(entity);
    }

    [Fact]
    public void On_hand_off_a_state_actor_that_never_answers_holds_the_entity_10_seconds_and_no_longer()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]));
        _started.ExpectMsg("v1");
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);
        _state.ExpectMsg<GetJournalLag>();
        Handled(entity);

        Scheduler.Advance(TimeSpan.FromSeconds(9.9));
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Scheduler.Advance(TimeSpan.FromSeconds(0.1));
        watcher.ExpectTerminated(entity);
    }

    [Fact]
    public void On_hand_off_an_account_without_state_stops_at_once()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]), _ => null);
        AwaitAccountOf(entity);
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);

        // The account answers "keeps no state" (a Status.Failure), so no timer is needed.
        watcher.ExpectTerminated(entity);
    }

    [Fact]
    public void On_hand_off_an_entity_that_runs_no_account_stops_at_once()
    {
        var entity = Entity(new AccountRegistry([]));
        ExpectMsg<Passivate>();
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);

        watcher.ExpectTerminated(entity);
    }

    [Fact]
    public void A_second_stop_during_the_hand_off_stops_the_entity_without_waiting()
    {
        var entity = Entity(new AccountRegistry([Definition("v1")]));
        _started.ExpectMsg("v1");
        var watcher = Watching(entity);

        entity.Tell(StopAccount.Instance);
        _state.ExpectMsg<GetJournalLag>();
        entity.Tell(StopAccount.Instance);

        watcher.ExpectTerminated(entity);
    }

    /// <summary>A state actor that hands <see cref="GetJournalLag"/> (with its sender) to a probe and ignores the rest.</summary>
    private sealed class ForwardingState : ReceiveActor
    {
        public ForwardingState(IActorRef target)
        {
            Receive<GetJournalLag>(query => target.Forward(query));
            ReceiveAny(_ => { });
        }
    }

    /// <summary>A state actor whose stop takes until the test opens <paramref name="gate"/>, so its account's Terminated waits too.</summary>
    private sealed class GatedState : ReceiveActor
    {
        private readonly ManualResetEventSlim _gate;
        private readonly IActorRef _stopping;

        public GatedState(ManualResetEventSlim gate, IActorRef stopping)
        {
            _gate = gate;
            _stopping = stopping;
            ReceiveAny(_ => { });
        }

        protected override void PostStop()
        {
            _stopping.Tell("stopping");
            _gate.Wait(TimeSpan.FromSeconds(10));
        }
    }
}
