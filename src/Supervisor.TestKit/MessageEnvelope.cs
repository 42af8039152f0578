using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>A message received by a test actor, with its sender.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it (the dead-letter reference when nobody did).</param>
public readonly record struct MessageEnvelope(object Message, IActorRef Sender);
