using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Supervisor.Kernel.Persistence;
using CrashWriterProgram = Supervisor.Persistence.Sql.CrashWriter.Program;

namespace Supervisor.Persistence.Sql.Tests;

/// <summary>
/// A child process persisting in a loop is killed with SIGKILL; the journal must then hold everything that was
/// acknowledged, as a gap-free prefix made of whole atomic writes.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-crash-" + Guid.NewGuid().ToString("N"));

    public CrashSafetyTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(150)]
    [InlineData(600)]
    public async Task After_SIGKILL_every_acknowledged_write_is_there_and_no_write_is_partial(int killAfterAcks)
    {
        var database = Path.Combine(_directory, "crash.db");
        var pid = $"crash-{killAfterAcks}";
        var lastAcked = await RunAndKillAsync(database, pid, killAfterAcks);

        await using var journal = await SqlJournal.CreateAsync(new SqlJournalOptions
        {
            Engine = SqlEngine.Sqlite,
            ConnectionString = $"Data Source={database}",
            Serializer = CrashWriterProgram.Serializer,
        });
        var replayed = new List<IPersistentRepresentation>();
        await journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue, replayed.Add);
        var stored = replayed.Count;
        Assert.True(stored >= lastAcked, $"acknowledged up to {lastAcked} but only {stored} events are stored");
        Assert.Equal(Enumerable.Range(1, stored).Select(i => (long)i), replayed.Select(e => e.SequenceNr));
        Assert.Equal(0, stored % CrashWriterProgram.EventsPerWrite);
        Assert.All(replayed, e => Assert.Equal($"event-{e.SequenceNr}", e.Payload));
    }

    private static async Task<long> RunAndKillAsync(string database, string pid, int killAfterAcks)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Supervisor.Persistence.Sql.CrashWriter.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(writer);
        info.ArgumentList.Add(database);
        info.ArgumentList.Add(pid);
        using var process = Process.Start(info)!;
        long lastAcked = 0;
        var acks = 0;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (acks < killAfterAcks)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The crash writer ended early: " + await process.StandardError.ReadToEndAsync());
                lastAcked = long.Parse(line["acked ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                acks++;
            }
        }
        finally
        {
            // Process.Kill is SIGKILL on Linux: no finally blocks, no flushes, no disposal in the child.
            process.Kill();
            await process.WaitForExitAsync();
        }
        return lastAcked;
    }
}
