namespace Supervisor.Kernel.Actor;

/// <summary>A user message together with the actor that sent it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or <see cref="ActorRefs.NoSender"/>.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
