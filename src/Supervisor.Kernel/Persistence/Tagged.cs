namespace Supervisor.Kernel.Persistence;

/// <summary>Persist this instead of the bare event to store tags with it, for queries by tag; replay yields the bare event.</summary>
public sealed record Tagged(object Payload, IReadOnlySet<string> Tags);
