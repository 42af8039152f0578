namespace Supervisor.Kernel.Actor;

/// <summary>
/// Delivered to a watcher when the watched actor has stopped. Also delivered when the actor was already
/// dead when watched; then <paramref name="ExistenceConfirmed"/> is false.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was not known to exist when watched.</param>
/// <param name="AddressTerminated">Always false in a single process; kept for Akka's shape.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage;
