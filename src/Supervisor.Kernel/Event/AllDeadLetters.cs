using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Event;

/// <summary>The base of messages that could not be delivered or were not handled.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it.</param>
/// <param name="Recipient">Who it was for.</param>
public abstract record AllDeadLetters(object Message, IActorRef Sender, IActorRef Recipient);
