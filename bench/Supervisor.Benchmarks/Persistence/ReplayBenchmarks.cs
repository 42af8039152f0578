using Akka.Actor;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;
using Supervisor.Actors.Hosting;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// Recovering one persistence id with 100 000 events (no snapshot): time from <c>ActorOf</c> until the actor sees
/// <c>RecoveryCompleted</c>, deserialization by the product's serializer included, against a raw read of the same
/// rows (bytes only). The events are written through the journal itself (<c>PersistAll</c> of 1 000) in the setup.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ReplayBenchmarks
{
    private const int Events = 100_000;
    private const string Pid = "replay-1";
    private JournalTarget _target = null!;
    private IActorRef? _replayed;
    private int _round;

    [Params(JournalEngine.Sqlite, JournalEngine.PostgreSql)]
    public JournalEngine Engine { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        CommitCounter.Install();
        _target = await JournalTarget.CreateAsync(Engine);
        var meter = RunMeter.Start($"{Engine} setup, PersistAll of 1000", Events);
        await _target.PersistAsync(Pid, Events, 1_000);
        meter.Stop(countCommits: false);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _target.DisposeAsync();

    [IterationCleanup(Target = nameof(AkkaRecovery))]
    public void StopReplayed()
    {
        _replayed?.GracefulStop(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        _replayed = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task<long> RawRead()
    {
        var meter = RunMeter.Start($"{Engine} raw read", Events);
        var bytes = Engine == JournalEngine.Sqlite ? await ReadSqliteAsync() : await ReadPostgresAsync();
        meter.Stop(countCommits: false);
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> AkkaRecovery()
    {
        var meter = RunMeter.Start($"{Engine} Akka recovery", Events);
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replayed = _target.System.ActorOf(Props.Create(() => new ReplayActor(Pid, done)), $"replay-{++_round}");
        var replayed = await done.Task;
        meter.Stop(countCommits: false);
        return replayed == Events ? replayed : throw new InvalidOperationException($"replayed {replayed} of {Events} events");
    }

    private const string Query = $"SELECT sequence_number, message FROM journal WHERE persistence_id = '{Pid}' ORDER BY sequence_number";

    private async Task<long> ReadSqliteAsync()
    {
        long bytes = 0;
        await using var connection = new SqliteConnection(_target.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bytes += ((byte[])reader.GetValue(1)).Length + reader.GetInt64(0);
        }
        return bytes;
    }

    private async Task<long> ReadPostgresAsync()
    {
        long bytes = 0;
        await using var connection = new NpgsqlConnection(_target.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bytes += ((byte[])reader.GetValue(1)).Length + reader.GetInt64(0);
        }
        return bytes;
    }
}
