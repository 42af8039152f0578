using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;

namespace Supervisor.Cluster.Tests;

/// <summary>
/// Records, on one survivor, when a member became unreachable and when it was removed, relative to a clock started
/// at the crash: the failover timeline, and the proof that the node died instead of leaving.
/// </summary>
internal sealed class MemberEvents : ReceiveActor
{
    public MemberEvents(Address member, Stopwatch clock, TaskCompletionSource<TimeSpan> unreachable, TaskCompletionSource<TimeSpan> removed)
    {
        Receive<ClusterEvent.UnreachableMember>(e => e.Member.Address == member, _ => unreachable.TrySetResult(clock.Elapsed));
        Receive<ClusterEvent.MemberRemoved>(e => e.Member.Address == member, _ => removed.TrySetResult(clock.Elapsed));
        ReceiveAny(_ => { });
    }

    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
}
