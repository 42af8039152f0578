using System.Text.Json.Serialization;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql;

namespace Supervisor.Persistence.Sql.CrashWriter;

/// <summary>
/// Persists atomic writes of three events in a loop to a SQLite journal and prints "acked N" after each
/// acknowledged write (N = highest sequence number acknowledged). The crash-safety test kills it with SIGKILL.
/// </summary>
public static class Program
{
    public const int EventsPerWrite = 3;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("usage: CrashWriter DATABASE_FILE PERSISTENCE_ID");
            return 2;
        }
        await using var journal = await SqlJournal.CreateAsync(new SqlJournalOptions
        {
            Engine = SqlEngine.Sqlite,
            ConnectionString = $"Data Source={args[0]}",
            Serializer = Serializer,
        });
        var pid = args[1];
        for (long next = 1; ; next += EventsPerWrite)
        {
            var events = new List<IPersistentRepresentation>();
            for (var i = 0; i < EventsPerWrite; i++)
            {
                events.Add(new Persistent($"event-{next + i}", next + i, pid, "crash-writer", DateTimeOffset.UtcNow));
            }
            await journal.WriteMessagesAsync([new AtomicWrite(events)]);
            Console.WriteLine($"acked {next + EventsPerWrite - 1}");
        }
    }

    public static JsonEventSerializer Serializer { get; } = JsonEventSerializer.Create()
        .Register("string.v1", CrashJsonContext.Default.String)
        .Build();
}

[JsonSerializable(typeof(string))]
internal sealed partial class CrashJsonContext : JsonSerializerContext;
