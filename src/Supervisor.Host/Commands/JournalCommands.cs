using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Supervisor.Actors.State;
using Supervisor.Persistence.Sql;
using Supervisor.Persistence.Sql.Query;
using Supervisor.Venues.Events;

namespace Supervisor.Host.Commands;

/// <summary>
/// <c>supervisor events</c> and <c>supervisor state</c>: read an account's journal (SQLite file or PostgreSQL connection
/// string) without starting the supervisor. Both only read.
/// </summary>
internal static class JournalCommands
{
    // Null is what a venue did not send: left out, so each line shows exactly what is known.
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Command Events()
    {
        var (journal, postgres, account, venue) = CommonOptions();
        var since = new Option<long>("--since") { Description = "first sequence number to print", DefaultValueFactory = _ => 1 };
        var command = new Command("events", "Print an account's journaled events, one JSON line each.") { journal, postgres, account, venue, since };
        command.SetAction((result, cancellationToken) => Guarded(() =>
            RunEventsAsync(Options(result.GetValue(journal), result.GetValue(postgres)), result.GetValue(venue)!, result.GetValue(account)!, result.GetValue(since), Console.Out, cancellationToken)));
        return command;
    }

    public static Command State()
    {
        var (journal, postgres, account, venue) = CommonOptions();
        var command = new Command("state", "Print an account's state as recovered from its journal.") { journal, postgres, account, venue };
        command.SetAction((result, cancellationToken) => Guarded(() =>
            RunStateAsync(Options(result.GetValue(journal), result.GetValue(postgres)), result.GetValue(venue)!, result.GetValue(account)!, Console.Out, cancellationToken)));
        return command;
    }

    internal static async Task<int> RunEventsAsync(SqlJournalOptions options, string venue, string account, long since, TextWriter output, CancellationToken cancellationToken)
    {
        await using var journal = await SqlJournal.CreateAsync(options with { AutoInitialize = false }, cancellationToken);
        var count = 0;
        await foreach (var envelope in new SqlReadJournal(journal).CurrentEventsByPersistenceId(AccountStateActor.PersistenceIdFor(venue, account), since, long.MaxValue, cancellationToken))
        {
            count++;
            output.WriteLine(JsonSerializer.Serialize(new { seq = envelope.SequenceNr, at = envelope.Timestamp, type = envelope.Event.GetType().Name, @event = envelope.Event }, Json));
        }
        if (count == 0)
        {
            await Console.Error.WriteLineAsync($"no events for {account} on {venue} from sequence number {since}");
        }
        return 0;
    }

    internal static async Task<int> RunStateAsync(SqlJournalOptions options, string venue, string account, TextWriter output, CancellationToken cancellationToken)
    {
        await using var journal = await SqlJournal.CreateAsync(options with { AutoInitialize = false }, cancellationToken);
        var state = AccountState.Empty(account, venue);
        await foreach (var envelope in new SqlReadJournal(journal).CurrentEventsByPersistenceId(AccountStateActor.PersistenceIdFor(venue, account), 1, long.MaxValue, cancellationToken))
        {
            if (envelope.Event is VenueEvent e)
            {
                state = state.Apply(e) with { SequenceNr = envelope.SequenceNr };
            }
        }
        output.WriteLine(JsonSerializer.Serialize(new
        {
            state.AccountId,
            state.Venue,
            state.SequenceNr,
            Assets = state.Assets.Values,
            Positions = state.Positions.Values,
            OpenOrders = state.OpenOrders.Values,
            TriggerOrders = state.TriggerOrders.Values,
            AdlRanks = state.AdlRanks.Values,
            state.MarginSettings,
            state.Fills,
            state.FeesPaid,
            state.RealizedPnl,
            state.ReconciledAt,
        }, Json));
        return 0;
    }

    /// <summary>Expected failures (no journal, unreadable journal) become one clear line and exit code 2, not a stack trace.</summary>
    private static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception error) when (error is FileNotFoundException or System.Data.Common.DbException or Kernel.Persistence.Serialization.SerializationException)
        {
            await Console.Error.WriteLineAsync("supervisor: " + error.Message);
            return 2;
        }
    }

    private static (Option<string?> Journal, Option<string?> Postgres, Option<string> Account, Option<string> Venue) CommonOptions()
    {
        var journal = new Option<string?>("--journal") { Description = "SQLite journal file, e.g. data/demo-….db" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (instead of --journal)" };
        var accountOption = new Option<string>("--account") { Description = "account id", Required = true };
        var venue = new Option<string>("--venue") { Description = "venue of the account (coinw, coinlocally …)", Required = true };
        return (journal, postgres, accountOption, venue);
    }

    internal static SqlJournalOptions Options(string? sqliteFile, string? postgres)
    {
        if (postgres is { Length: > 0 })
        {
            return new SqlJournalOptions { Engine = SqlEngine.PostgreSql, ConnectionString = postgres, Serializer = StateSerialization.Serializer };
        }
        if (sqliteFile is not { Length: > 0 } || !File.Exists(sqliteFile))
        {
            throw new FileNotFoundException($"Journal file '{sqliteFile}' not found: give --journal FILE (an existing SQLite journal) or --postgres CONNECTION.");
        }
        return new SqlJournalOptions { Engine = SqlEngine.Sqlite, ConnectionString = $"Data Source={sqliteFile};Mode=ReadOnly", Serializer = StateSerialization.Serializer };
    }
}
