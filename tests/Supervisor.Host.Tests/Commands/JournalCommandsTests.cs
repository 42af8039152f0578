using Supervisor.Host.Tests.Cli;
using Microsoft.Data.Sqlite;
using Supervisor.Actors.State;
using Supervisor.Host.Commands;
using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Tests.Commands;

public sealed class JournalCommandsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supervisor-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<string> JournalWithEventsAsync()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "journal.db");
        await using var journal = await SqlJournal.CreateAsync(new SqlJournalOptions { Engine = SqlEngine.Sqlite, ConnectionString = $"Data Source={file}", Serializer = StateSerialization.Serializer });
        var pid = AccountStateActor.PersistenceIdFor("coinw", "a1");
        VenueEvent[] events =
        [
            new AssetBalanceChanged("coinw", "USDT", 100m, 1m, 2m),
            new PositionChanged("coinw", "p1", "BTC", TradeSide.Long, 3m, 85000.5m, 10m, 25.5m),
        ];
        await journal.WriteMessagesAsync([new AtomicWrite([.. events.Select((e, i) => (IPersistentRepresentation)new Persistent(e, i + 1, pid, "w", DateTimeOffset.UnixEpoch))])]);
        return file;
    }

    [Fact]
    public async Task Events_prints_one_json_line_per_journaled_event_from_since()
    {
        var file = await JournalWithEventsAsync();
        var output = new StringWriter();
        await JournalCommands.RunEventsAsync(JournalCommands.Options(file, null), "coinw", "a1", 2, output, CancellationToken.None);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"seq\":2", line);
        Assert.Contains("PositionChanged", line);
    }

    [Fact]
    public async Task State_folds_the_journal_into_the_account_state()
    {
        var file = await JournalWithEventsAsync();
        var output = new StringWriter();
        await JournalCommands.RunStateAsync(JournalCommands.Options(file, null), "coinw", "a1", output, CancellationToken.None);
        var text = output.ToString();
        Assert.Contains("\"SequenceNr\":2", text);
        Assert.Contains("85000.5", text);
    }

    [Fact]
    public void A_missing_journal_file_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => JournalCommands.Options(Path.Combine(_directory, "nope.db"), null));
        Assert.Contains("give --journal FILE", error.Message);
    }

    [Fact]
    public async Task Events_and_state_with_only_the_required_options_read_the_journal_from_its_start()
    {
        var file = await JournalWithEventsAsync();
        SqliteConnection.ClearAllPools();

        await using var events = CliProcess.Supervisor(["events", "--journal", file, "--account", "a1", "--venue", "coinw"], _directory);
        Assert.Equal(0, await events.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        var lines = events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"seq\":1", lines[0]);

        await using var state = CliProcess.Supervisor(["state", "--journal", file, "--account", "a1", "--venue", "coinw"], _directory);
        Assert.Equal(0, await state.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("\"SequenceNr\":2", state.Output);
    }
}
