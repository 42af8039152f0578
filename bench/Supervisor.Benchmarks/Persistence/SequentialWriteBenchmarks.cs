using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>One writer: nothing to batch, so every event is its own durable commit on both sides.</summary>
[MemoryDiagnoser]
public class SequentialWriteBenchmarks : WriteBenchmarkBase
{
    private const int EventCount = 300;

    /// <inheritdoc />
    protected override int Writers => 1;

    /// <inheritdoc />
    protected override int Events => EventCount;

    /// <inheritdoc />
    protected override int RawBatchSize => 1;

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public Task RawRowPerTransaction() => RawWrite();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public Task JournalWriteSequential() => JournalWrite();
}
