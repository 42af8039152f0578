using BenchmarkDotNet.Attributes;
using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// 400 writers persisting one event at a time, each waiting for its acknowledgement (as <c>Persist</c> does), through
/// the journal's shared queue, against the same rows written by hand in one transaction per 200-row batch.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentWriteBenchmarks
{
    private const int Events = 8_000;
    private JournalTarget _target = null!;
    private SqlJournal _journal = null!;
    private List<(string Pid, long Seq, byte[] Bytes)> _rawRows = null!;
    private int _round;

    [Params(SqlEngine.Sqlite, SqlEngine.PostgreSql)]
    public SqlEngine Engine { get; set; }

    /// <summary>How long a writer waits to fill a batch (supervisor.persistence.max-batch-delay).</summary>
    [Params(0)]
    public int MaxBatchDelayMs { get; set; }

    /// <summary>Concurrent writers (persistent actors).</summary>
    public int Writers { get; set; } = 400;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _target = await JournalTarget.CreateAsync(Engine);
        _journal = await _target.OpenJournalAsync(maxBatchDelay: TimeSpan.FromMilliseconds(MaxBatchDelayMs));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var (transactions, rows) = _journal.WriteStatistics;
        Console.WriteLine($"// batch fill: {rows} rows in {transactions} transactions = {(double)rows / Math.Max(1, transactions):F1} rows per transaction");
        await _journal.DisposeAsync();
        await _target.DisposeAsync();
    }

    [IterationSetup]
    public void NextRound()
    {
        _round++;
        var perWriter = Events / Writers;
        _rawRows = [];
        for (var w = 0; w < Writers; w++)
        {
            for (var i = 1; i <= perWriter; i++)
            {
                _rawRows.Add(($"raw-{_round}-{w}", i, BenchData.Serializer.Serialize(BenchData.Event(i)).Bytes));
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task RawBatchedWrite() => RawWriter.WriteAsync(_target, _rawRows, 200);

    [Benchmark(OperationsPerInvoke = Events)]
    public Task JournalWrite()
    {
        var perWriter = Events / Writers;
        var round = _round;
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var pid = $"journal-{round}-{w}";
            for (var i = 1; i <= perWriter; i++)
            {
                var persistent = new Persistent(BenchData.Event(i), i, pid, "bench", DateTimeOffset.UnixEpoch);
                await _journal.WriteMessagesAsync([new AtomicWrite([persistent])]);
            }
        })));
    }
}
