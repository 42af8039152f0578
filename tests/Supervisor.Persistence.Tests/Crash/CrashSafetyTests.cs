using System.Diagnostics;
using Supervisor.Actors.State;
using Supervisor.Persistence.Tests.Infrastructure;
using Supervisor.Venues.Events;
using Xunit.Abstractions;

namespace Supervisor.Persistence.Tests.Crash;

/// <summary>
/// The product's promise (SQLite at synchronous=FULL, PostgreSQL): what was acknowledged survives a crash, and a
/// frame is there whole or not at all. A separate process writes through the real wiring and is SIGKILLed
/// mid-write; the database is then read with the engine's plain driver and recovered by a new actor system.
/// </summary>
public abstract class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Accounts = 8;
    private const int AcksBeforeKill = 300;
    private const string Venue = "crash"; // FrameDriver.Venue in the writer
    private JournalDatabase _database = null!;

    /// <summary>The engine's empty database for the test.</summary>
    protected abstract Task<JournalDatabase> CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_frame_survives_a_SIGKILL_whole_and_gap_free()
    {
        IReadOnlyList<CrashAck> acks;
        var clock = Stopwatch.StartNew();
        using (var writer = CrashWriterProcess.Start(_database.Settings, Accounts))
        {
            await writer.WaitForAcksAsync(AcksBeforeKill, TimeSpan.FromMinutes(2));
            acks = writer.Kill();
        }
        var rows = await ReadRowsAsync();
        var snapshots = await _database.ScalarAsync("SELECT count(*) FROM snapshot");
        var acknowledgedRows = acks.GroupBy(a => a.PersistenceId).Sum(g => g.Max(a => a.SequenceNr));
        output.WriteLine($"{_database.Settings.Engine}: killed after {clock.Elapsed.TotalSeconds:F1} s: {acks.Count} acknowledged frames ({acknowledgedRows} events) on {acks.Select(a => a.PersistenceId).Distinct().Count()} accounts; " +
                         $"{rows.Count} journal rows found ({rows.Count - acknowledgedRows} written but not yet acknowledged), {snapshots} snapshot rows");

        Assert.True(acks.Count >= AcksBeforeKill);
        foreach (var account in rows.GroupBy(r => r.PersistenceId))
        {
            var sequence = account.Select(r => r.SequenceNr).ToList();
            Assert.Equal(Enumerable.Range(1, sequence.Count).Select(i => (long)i), sequence); // gap-free, no duplicate

            // Frames are whole: each frame n holds exactly n % 3 + 1 events, numbered 1, 2, 3 … in sequence order.
            var frames = account.GroupBy(r => r.Frame).ToList();
            Assert.Equal(Enumerable.Range(1, frames.Count).Select(i => (long)i), frames.Select(f => f.Key));
            foreach (var frame in frames)
            {
                Assert.All(frame, r => Assert.Equal(frame.Key % 3 + 1, r.FrameSize));
                Assert.True(frame.Count() == frame.Key % 3 + 1, $"{account.Key} frame {frame.Key}: {frame.Count()} of {frame.Key % 3 + 1} events (half a frame)");
            }

            // Every acknowledged frame is there and ends where the writer was told it ended; at most the one frame in
            // flight when the kill came is there without an acknowledgement.
            var acked = acks.Where(a => a.PersistenceId == account.Key).ToList();
            foreach (var ack in acked)
            {
                Assert.Equal(ack.SequenceNr, account.Last(r => r.Frame == ack.Frame).SequenceNr);
            }
            Assert.InRange(frames.Count - acked.Count, 0, 1);
        }
        foreach (var ack in acks)
        {
            Assert.Contains(rows, r => r.PersistenceId == ack.PersistenceId && r.SequenceNr == ack.SequenceNr);
        }

        // And the product itself reads the crashed file: every account recovers to its last whole frame.
        await using var host = await JournalHost.StartAsync(_database.Settings);
        foreach (var account in rows.GroupBy(r => r.PersistenceId))
        {
            var accountId = account.Key.Split('|')[2];
            var state = await JournalHost.StateOf(host.StateActor(accountId, Venue, snapshotEvery: 50));
            Assert.Equal(account.Last().SequenceNr, state.SequenceNr);
            Assert.Equal(account.Last().Frame, state.Assets["A0"].Available);
        }
    }

    private async Task<IReadOnlyList<CrashRow>> ReadRowsAsync()
    {
        var rows = await _database.RowsAsync("SELECT persistence_id, sequence_number, manifest, message FROM journal ORDER BY persistence_id, sequence_number");
        return [.. rows.Select(r =>
        {
            var balance = (AssetBalanceChanged)StateSerialization.Manifests.Deserialize((string)r[2], (byte[])r[3]);
            return new CrashRow((string)r[0], Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), (long)balance.Available, (long)balance.Frozen);
        })];
    }
}
