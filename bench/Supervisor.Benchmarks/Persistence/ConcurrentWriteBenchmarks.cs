using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// 400 persistent actors, each persisting 100 events one at a time, against hand-batched 200-row transactions
/// (multi-row INSERT on SQLite, COPY on PostgreSQL) of the same 40 000 rows. Throughput here is all batching.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ConcurrentWriteBenchmarks : WriteBenchmarkBase
{
    private const int EventCount = 400 * 100;

    /// <inheritdoc />
    protected override int Writers => 400;

    /// <inheritdoc />
    protected override int EventsPerWriter => EventCount / 400;

    /// <inheritdoc />
    protected override int RawBatchSize => 200;

    [IterationSetup(Target = nameof(RawBatchedWrite))]
    public void BeforeRaw() => PrepareRawRows();

    [IterationSetup(Target = nameof(AkkaWrite400))]
    public void BeforeAkka() => StartWriters();

    [IterationCleanup(Target = nameof(AkkaWrite400))]
    public void AfterAkka() => StopWriters();

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public Task RawBatchedWrite() => RawWrite();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public Task AkkaWrite400() => AkkaWrite();
}
