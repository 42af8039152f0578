using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Journal;
using Supervisor.Actors.State;
using Supervisor.Host.Hosting;

namespace Supervisor.Host.Commands;

/// <summary>
/// <c>supervisor events</c> and <c>supervisor state</c>: read an account's journal (SQLite file or PostgreSQL connection
/// string) through Akka.Persistence.Query without starting the supervisor. Both only read.
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

    internal static async Task<int> RunEventsAsync(JournalSettings journal, string venue, string account, long since, TextWriter output, CancellationToken cancellationToken)
    {
        var count = 0;
        await ReadAsync(journal, async reader =>
        {
            await foreach (var entry in reader.EventsAsync(venue, account, since).WithCancellation(cancellationToken))
            {
                count++;
                output.WriteLine(JsonSerializer.Serialize(new { seq = entry.SequenceNr, at = entry.Timestamp, type = entry.Event.GetType().Name, @event = entry.Event }, Json));
            }
        });
        if (count == 0)
        {
            await Console.Error.WriteLineAsync($"no events for {account} on {venue} from sequence number {since}");
        }
        return 0;
    }

    internal static async Task<int> RunStateAsync(JournalSettings journal, string venue, string account, TextWriter output, CancellationToken cancellationToken)
    {
        var state = AccountState.Empty(account, venue);
        await ReadAsync(journal, async reader => state = await reader.StateAsync(venue, account, cancellationToken));
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

    /// <summary>Runs <paramref name="read"/> in an actor system that has the journal as its read journal and creates no tables.</summary>
    private static async Task ReadAsync(JournalSettings journal, Func<AccountJournalReader, Task> read)
    {
        await StandInJournalCheck.ThrowIfStandInAsync(journal, CancellationToken.None);
        using var host = SupervisorHost.Build("journal-reader", journal, LogLevel.Error, (_, _) => { }, createTables: false);
        await host.StartAsync();
        try
        {
            await read(new AccountJournalReader(host.Services.GetRequiredService<ActorSystem>()));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Expected failures (no journal, unreadable journal) become one clear line and exit code 2, not a stack trace.</summary>
    private static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception error) when (error is FileNotFoundException or System.Data.Common.DbException or System.Runtime.Serialization.SerializationException or StandInJournalException)
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

    internal static JournalSettings Options(string? sqliteFile, string? postgres)
    {
        if (postgres is { Length: > 0 })
        {
            return JournalSettings.PostgreSql(postgres);
        }
        if (sqliteFile is not { Length: > 0 } || !File.Exists(sqliteFile))
        {
            throw new FileNotFoundException($"Journal file '{sqliteFile}' not found: give --journal FILE (an existing SQLite journal) or --postgres CONNECTION.");
        }
        return new JournalSettings(JournalEngine.Sqlite, $"Data Source={sqliteFile};Mode=ReadOnly");
    }
}
