using Akka.Actor;
using Supervisor.Actors.State;

namespace Supervisor.Host.Http;

/// <summary>Follows <see cref="AccountStateChanged"/> on this node's event stream for the <see cref="StreamHub"/> while any client streams.</summary>
internal sealed class StreamSubscriber : ReceiveActor
{
    public StreamSubscriber(StreamHub hub) =>
        Receive<AccountStateChanged>(changed => hub.Offer(StreamItem.State(changed.State)));

    public static Props Props(StreamHub hub) => Akka.Actor.Props.Create(() => new StreamSubscriber(hub));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(AccountStateChanged));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
