using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>400 writers against hand-batched 200-row transactions (multi-row INSERT on SQLite, COPY on PostgreSQL).</summary>
[MemoryDiagnoser]
public class ConcurrentWriteBenchmarks : WriteBenchmarkBase
{
    private const int EventCount = 8_000;

    /// <inheritdoc />
    protected override int Writers => 400;

    /// <inheritdoc />
    protected override int Events => EventCount;

    /// <inheritdoc />
    protected override int RawBatchSize => 200;

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public Task RawBatchedWrite() => RawWrite();

    [Benchmark(OperationsPerInvoke = EventCount)]
    public Task JournalWrite400() => JournalWrite();
}
