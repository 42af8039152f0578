using Supervisor.Kernel.Actor;

namespace Supervisor.TestKit;

/// <summary>Watch <paramref name="Actor"/> from the test actor.</summary>
internal sealed record TestActorWatch(IActorRef Actor);

/// <summary>Stop watching <paramref name="Actor"/>.</summary>
internal sealed record TestActorUnwatch(IActorRef Actor);

/// <summary>Replace the auto-pilot.</summary>
internal sealed record TestActorSetAutoPilot(AutoPilot AutoPilot);

/// <summary>Ignore messages that match; null clears.</summary>
internal sealed record TestActorSetIgnore(Func<object, bool>? Ignore);
