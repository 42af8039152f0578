using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Event;

/// <summary>A message sent to an actor that had stopped (or never existed), published on the event stream.</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient) : AllDeadLetters(Message, Sender, Recipient);
