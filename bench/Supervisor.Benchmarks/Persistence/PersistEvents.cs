namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Tells a <see cref="WriterActor"/> to persist <paramref name="Count"/> events. <paramref name="BatchSize"/> 1 is
/// one <c>Persist</c> at a time, each from the previous one's handler (what an account does with pushes);
/// more is <c>PersistAll</c> batches, all issued at once (how the replay data is written).
/// </summary>
internal sealed record PersistEvents(int Count, int BatchSize, TaskCompletionSource Done);
