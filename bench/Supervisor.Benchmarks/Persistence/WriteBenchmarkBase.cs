using BenchmarkDotNet.Attributes;
using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Writers persisting one event at a time, each waiting for its acknowledgement (as <c>Persist</c> does), through the
/// journal's shared queue, beside the same rows written by hand in one transaction per <see cref="RawBatchSize"/> rows.
/// </summary>
public abstract class WriteBenchmarkBase
{
    private JournalTarget _target = null!;
    private SqlJournal _journal = null!;
    private List<(string Pid, long Seq, byte[] Bytes)> _rawRows = null!;
    private int _round;
    private TimeSpan _cpuAtIterationStart;
    private TimeSpan _cpuTotal;
    private long _eventsMeasured;

    /// <summary>The engine.</summary>
    [Params(SqlEngine.Sqlite, SqlEngine.PostgreSql)]
    public SqlEngine Engine { get; set; }

    /// <summary>Concurrent writers (persistent actors).</summary>
    protected abstract int Writers { get; }

    /// <summary>Events per invocation, all writers together.</summary>
    protected abstract int Events { get; }

    /// <summary>Rows per transaction of the baseline.</summary>
    protected abstract int RawBatchSize { get; }

    /// <summary>The journal's max-batch-delay.</summary>
    protected virtual TimeSpan MaxBatchDelay => TimeSpan.Zero;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _target = await JournalTarget.CreateAsync(Engine);
        _journal = await _target.OpenJournalAsync(maxBatchDelay: MaxBatchDelay);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var (transactions, rows) = _journal.WriteStatistics;
        Console.WriteLine($"// batch fill: {rows} rows in {transactions} transactions = {(double)rows / Math.Max(1, transactions):F1} rows per transaction");
        // Process CPU (user + kernel, all threads, database client side; a PostgreSQL server's own CPU is not included).
        Console.WriteLine($"// cpu per event: {_cpuTotal.TotalMicroseconds / Math.Max(1, _eventsMeasured):F1} us over {_eventsMeasured} events");
        await _journal.DisposeAsync();
        await _target.DisposeAsync();
    }

    [IterationCleanup]
    public void MeasureCpu()
    {
        _cpuTotal += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtIterationStart;
        _eventsMeasured += Events;
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
        _cpuAtIterationStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>The physical baseline.</summary>
    protected Task RawWrite() => RawWriter.WriteAsync(_target, _rawRows, RawBatchSize);

    /// <summary>The journal.</summary>
    protected Task JournalWrite()
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
