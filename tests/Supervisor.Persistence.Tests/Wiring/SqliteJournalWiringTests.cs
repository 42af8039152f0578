using Akka.Actor;
using Supervisor.Actors.Hosting;
using Supervisor.Persistence.Tests.Infrastructure;
using static Supervisor.Persistence.Tests.Infrastructure.Samples;

namespace Supervisor.Persistence.Tests.Wiring;

/// <summary>The journal wiring on a SQLite file (the DataOptions path with the batching interceptor).</summary>
public sealed class SqliteJournalWiringTests : JournalWiringTests
{
    private readonly SqliteJournalDatabase _file = new();

    /// <inheritdoc />
    protected override Task<JournalDatabase> CreateDatabaseAsync() => Task.FromResult<JournalDatabase>(new SqliteJournalDatabase());

    [Fact]
    public async Task Prepare_creates_the_folder_and_the_file_stays_in_WAL_mode_under_the_journal()
    {
        try
        {
            Assert.False(Directory.Exists(Path.GetDirectoryName(_file.FilePath)));
            SqliteJournalFile.Prepare(_file.Settings.ConnectionString);
            Assert.True(File.Exists(_file.FilePath));
            await using (var host = await JournalHost.StartAsync(_file.Settings))
            {
                var actor = host.StateActor("wal", Venue);
                actor.Tell(Frame(Usdt));
                Assert.Equal(1, (await JournalHost.StateOf(actor)).SequenceNr);
                // WAL is a property of the file, so a plain connection sees it; the writes went through the -wal file.
                Assert.Equal("wal", (await _file.RowsAsync("PRAGMA journal_mode"))[0][0]);
                Assert.True(File.Exists(_file.FilePath + "-wal"));
            }
        }
        finally
        {
            await _file.DisposeAsync();
        }
    }
}
