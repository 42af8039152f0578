using Supervisor.Kernel.Persistence;

namespace Supervisor.Persistence.Sql;

/// <summary>An event with its global ordering.</summary>
internal readonly record struct EventRow(Persistent Persistent, long Ordering);
