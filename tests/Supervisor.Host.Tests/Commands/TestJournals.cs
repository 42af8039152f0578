using Akka.Actor;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.State;
using Supervisor.Host.Hosting;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Tests.Commands;

/// <summary>Journals for the command tests: one written by Akka.Persistence.Sql through the product's host, and one as the pre-Akka stand-in left it.</summary>
internal static class TestJournals
{
    /// <summary>The two events <c>coinw/a1</c> has in <see cref="WriteAccountAsync"/>'s journal.</summary>
    public static readonly VenueEvent[] Events =
    [
        new AssetBalanceChanged("coinw", "USDT", 100m, 1m, 2m),
        new PositionChanged("coinw", "p1", "BTC", TradeSide.Long, 3m, 85000.5m, 10m, 25.5m),
    ];

    /// <summary>Starts the product's host on <paramref name="journal"/> (tables created) and stores <see cref="Events"/> for <c>coinw/a1</c>.</summary>
    public static async Task WriteAccountAsync(JournalSettings journal)
    {
        if (journal.Engine == JournalEngine.Sqlite)
        {
            SqliteJournalFile.Prepare(journal.ConnectionString);
        }
        using var host = SupervisorHost.Build("journal-seed", journal, LogLevel.Error, (_, _) => { });
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var seeder = system.ActorOf(Props.Create(() => new JournalSeeder(AccountStateActor.PersistenceIdFor("coinw", "a1"))));
            await seeder.Ask<Akka.Done>(Events.Cast<object>().ToList(), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await host.StopAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// A SQLite file as the stand-in journal wrote it: Akka.Persistence.Sql's table name and columns, by hand, with a
    /// row whose serializer id (<c>identifier</c>) is NULL, which the stand-in never filled in.
    /// </summary>
    public static void WriteStandIn(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE journal (
              ordering INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL, deleted INTEGER NOT NULL,
              persistence_id TEXT NOT NULL, sequence_number INTEGER NOT NULL, message BLOB NOT NULL,
              manifest TEXT, identifier INTEGER, writer_uuid TEXT);
            INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
              VALUES (638000000000000000, 0, 'account|coinw|a1', 1, X'7B7D', 'asset-balance-changed.v1', NULL, 'w');
            """;
        command.ExecuteNonQuery();
    }
}
