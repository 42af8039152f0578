using Supervisor.Host.Tests.Cli;
using Microsoft.Data.Sqlite;
using Supervisor.Host.Commands;
using Supervisor.Actors.Hosting;

namespace Supervisor.Host.Tests.Commands;

/// <summary><c>supervisor events</c> and <c>state</c> on a SQLite journal written by Akka.Persistence.Sql, and on one left by the pre-Akka stand-in.</summary>
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
        await TestJournals.WriteAccountAsync(JournalSettings.Sqlite(file));
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

    [Fact]
    public async Task Events_on_a_journal_written_by_the_stand_in_exits_2_with_the_clear_message()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "old.db");
        TestJournals.WriteStandIn(file);

        await using var events = CliProcess.Supervisor(["events", "--journal", file, "--account", "a1", "--venue", "coinw"], _directory);

        Assert.Equal(2, await events.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("written by Supervisor's own journal from before the move to Akka.Persistence.Sql", events.Output);
        Assert.Contains("Point supervisor.persistence at a new database", events.Output);
        Assert.DoesNotContain("   at ", events.Output);
    }
}
