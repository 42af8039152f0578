using Supervisor.Actors.Hosting;
using Supervisor.Host.Commands;
using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Commands;

/// <summary><c>supervisor events</c> and <c>state</c> read a PostgreSQL journal through Akka.Persistence.Query, as they read SQLite.</summary>
public sealed class PostgresJournalCommandsTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _database = await _server.CreateDatabaseAsync();
        await TestJournals.WriteAccountAsync(JournalSettings.PostgreSql(_database));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Events_prints_the_account_s_events_from_since_and_state_folds_them()
    {
        var events = new StringWriter();
        Assert.Equal(0, await JournalCommands.RunEventsAsync(JournalCommands.Options(null, _database), "coinw", "a1", 1, events, CancellationToken.None));
        var lines = events.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TestJournals.Events.Length, lines.Length);
        Assert.Contains("\"seq\":1", lines[0]);
        Assert.Contains("AssetBalanceChanged", lines[0]);
        Assert.Contains("\"seq\":2", lines[1]);
        Assert.Contains("PositionChanged", lines[1]);

        var state = new StringWriter();
        Assert.Equal(0, await JournalCommands.RunStateAsync(JournalCommands.Options(null, _database), "coinw", "a1", state, CancellationToken.None));
        Assert.Contains("\"SequenceNr\":2", state.ToString());
        Assert.Contains("85000.5", state.ToString());
    }

    [Fact]
    public async Task Another_account_has_no_events()
    {
        var events = new StringWriter();
        Assert.Equal(0, await JournalCommands.RunEventsAsync(JournalCommands.Options(null, _database), "coinw", "nobody", 1, events, CancellationToken.None));
        Assert.Equal("", events.ToString());
    }
}
