using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>One writer: nothing to batch, so every event is its own durable commit on both sides (latency bound).</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class SequentialWriteBenchmarks : WriteBenchmarkBase
{
    private const int EventCount = 500;

    /// <inheritdoc />
    protected override int Writers => 1;

    /// <inheritdoc />
    protected override int EventsPerWriter => EventCount;

    /// <inheritdoc />
    protected override int RawBatchSize => 1;

    [IterationSetup(Target = nameof(RawRowPerTransaction))]
    public void BeforeRaw() => PrepareRawRows();

    [IterationSetup(Target = nameof(AkkaWriteSequential))]
    public void BeforeAkka() => StartWriters();

    [IterationCleanup(Target = nameof(AkkaWriteSequential))]
    public void AfterAkka() => StopWriters();

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public Task RawRowPerTransaction() => RawWrite();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public Task AkkaWriteSequential() => AkkaWrite();
}
