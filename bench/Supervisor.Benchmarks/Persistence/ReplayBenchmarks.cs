using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>Replaying one persistence id's events, deserialization included, against a raw read of the same rows (bytes only).</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private const int Events = 200_000;
    private const string Pid = "replay-1";
    private JournalTarget _target = null!;
    private SqlJournal _journal = null!;
    private TimeSpan _cpuAtIterationStart;
    private TimeSpan _cpuTotal;
    private long _eventsMeasured;

    [Params(SqlEngine.Sqlite, SqlEngine.PostgreSql)]
    public SqlEngine Engine { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _target = await JournalTarget.CreateAsync(Engine);
        _journal = await _target.OpenJournalAsync();
        var rows = new List<(string, long, byte[])>(Events);
        for (var i = 1; i <= Events; i++)
        {
            rows.Add((Pid, i, BenchData.Serializer.Serialize(BenchData.Event(i)).Bytes));
        }
        await RawWriter.WriteAsync(_target, rows, 5_000);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Process CPU (user + kernel, all threads, client side; a PostgreSQL server's own CPU is not included).
        Console.WriteLine($"// cpu per event: {_cpuTotal.TotalMicroseconds / Math.Max(1, _eventsMeasured):F2} us over {_eventsMeasured} events");
        await _journal.DisposeAsync();
        await _target.DisposeAsync();
    }

    [IterationSetup]
    public void StartCpu() => _cpuAtIterationStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void MeasureCpu()
    {
        _cpuTotal += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtIterationStart;
        _eventsMeasured += Events;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task<long> RawRead()
    {
        const string sql = "SELECT sequence_number, message FROM journal WHERE persistence_id = 'replay-1' ORDER BY sequence_number";
        long bytes = 0;
        if (Engine == SqlEngine.Sqlite)
        {
            await using var connection = new SqliteConnection(_target.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                bytes += ((byte[])reader.GetValue(1)).Length + reader.GetInt64(0);
            }
            return bytes;
        }
        await using var pg = new NpgsqlConnection(_target.ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        await using var pgReader = await pgCommand.ExecuteReaderAsync();
        while (await pgReader.ReadAsync())
        {
            bytes += ((byte[])pgReader.GetValue(1)).Length + pgReader.GetInt64(0);
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> JournalReplay()
    {
        long count = 0;
        await _journal.ReplayMessagesAsync(Pid, 1, long.MaxValue, long.MaxValue, p => count += ((BenchEvent)p.Payload).Time > 0 ? 1 : 0);
        return count;
    }
}
