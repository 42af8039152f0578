using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Supervisor.Actors.Hosting;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Persistent actors each persisting one event at a time (every <c>Persist</c> from the previous one's handler)
/// through Akka.Persistence.Sql with the product's wiring, beside the same rows written by hand in one transaction
/// per <see cref="RawBatchSize"/> rows. Actors are started and recovered before the clock starts.
/// </summary>
public abstract class WriteBenchmarkBase
{
    private JournalTarget _target = null!;
    private List<(string Pid, long Seq, byte[] Bytes)> _rawRows = null!;
    private IActorRef[] _writers = [];
    private int _round;

    /// <summary>The database under the journal.</summary>
    [Params(JournalEngine.Sqlite, JournalEngine.PostgreSql)]
    public JournalEngine Engine { get; set; }

    /// <summary>Concurrent writers (persistent actors).</summary>
    protected abstract int Writers { get; }

    /// <summary>Events each writer persists per invocation.</summary>
    protected abstract int EventsPerWriter { get; }

    /// <summary>Rows per transaction of the baseline.</summary>
    protected abstract int RawBatchSize { get; }

    /// <summary>Events per invocation, all writers together.</summary>
    protected int Events => Writers * EventsPerWriter;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        CommitCounter.Install();
        _target = await JournalTarget.CreateAsync(Engine);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _target.DisposeAsync();

    /// <summary>Serializes the baseline's rows (the journal serializes inside the measured time; the baseline's rows are ready).</summary>
    protected void PrepareRawRows()
    {
        _round++;
        _rawRows = new List<(string, long, byte[])>(Events);
        for (var w = 0; w < Writers; w++)
        {
            for (var i = 1; i <= EventsPerWriter; i++)
            {
                _rawRows.Add(($"raw-{_round}-{w}", i, BenchData.Bytes(i)));
            }
        }
    }

    /// <summary>Starts fresh writers (new persistence ids) and waits until every one has recovered.</summary>
    protected void StartWriters()
    {
        _round++;
        var round = _round;
        _writers = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => _target.StartWriterAsync($"akka-{round}-{w}"))).GetAwaiter().GetResult();
    }

    protected void StopWriters() =>
        Task.WhenAll(_writers.Select(w => w.GracefulStop(TimeSpan.FromSeconds(30)))).GetAwaiter().GetResult();

    /// <summary>The physical baseline.</summary>
    protected async Task RawWrite()
    {
        var meter = RunMeter.Start($"{Engine} raw, {RawBatchSize} rows/txn", Events);
        await RawWriter.WriteAsync(_target, _rawRows, RawBatchSize);
        meter.Stop(countCommits: false);
    }

    /// <summary>The journal: every writer persists its events one at a time, all writers at once.</summary>
    protected async Task AkkaWrite()
    {
        var meter = RunMeter.Start($"{Engine} Akka.Persistence.Sql, {Writers} writers", Events);
        var done = _writers.Select(writer =>
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            writer.Tell(new PersistEvents(EventsPerWriter, 1, finished));
            return finished.Task;
        }).ToList();
        await Task.WhenAll(done);
        meter.Stop(countCommits: true);
    }
}
