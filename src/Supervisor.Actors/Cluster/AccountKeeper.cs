using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The cluster singleton that keeps every registered account running: at start and every <c>interval</c> it sends
/// <c>StartEntity</c> for each account of its node's registry (a no-op for one that runs), and for an account just
/// added (<see cref="KeepAccount"/>) at once. One sender, one request per account per round: when every node sent
/// <c>StartEntity</c> for every account at once, a shard could get several for the same entity while its first
/// remember-entities write was in flight, and some entities were never started (9 of 12 accounts stayed down in one
/// run; the remember store logs "Id must not be empty, dropping message [UpdateDone]" in that case). The periodic round
/// also restarts any account that stayed down for another reason.
/// </summary>
public sealed class AccountKeeper : ReceiveActor, IWithTimers
{
    private readonly IAccountRegistry _registry;
    private readonly IActorRef _region;
    private readonly TimeSpan _interval;

    /// <summary>Keeps the accounts of <paramref name="registry"/> running through <paramref name="region"/>.</summary>
    public AccountKeeper(IAccountRegistry registry, IActorRef region, TimeSpan interval)
    {
        _registry = registry;
        _region = region;
        _interval = interval;
        Receive<Round>(_ =>
        {
            foreach (var account in _registry.Accounts)
            {
                _region.Tell(new ShardRegion.StartEntity(AccountEnvelope.EntityIdFor(account.Venue, account.Id)), Self);
            }
        });
        Receive<KeepAccount>(keep => _region.Tell(new ShardRegion.StartEntity(keep.EntityId), Self));
        // The shards' acknowledgements (an Akka-internal type): nothing waits for them.
        ReceiveAny(_ => { });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the keeper.</summary>
    public static Props Props(IAccountRegistry registry, IActorRef region, TimeSpan interval) =>
        Akka.Actor.Props.Create(() => new AccountKeeper(registry, region, interval));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Self.Tell(new Round());
        Timers.StartPeriodicTimer(nameof(Round), new Round(), _interval);
    }

    private sealed record Round;
}
