using System.Runtime.CompilerServices;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>Paged reads of one persistence id's events, shared by replay and the queries.</summary>
internal static class EventRows
{
    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    public static async IAsyncEnumerable<EventRow> ReadAsync(
        SqlDialect dialect,
        SqlJournalOptions options,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = Math.Max(1, fromSequenceNr);
        long count = 0;
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (count < max && next <= toSequenceNr)
        {
            var page = (int)Math.Min(options.ReplayPageSize, max - count);
            await using var command = connection.Command(
                    """
                    SELECT sequence_number, created, message, manifest, writer_uuid, ordering FROM journal
                    WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
                    ORDER BY sequence_number LIMIT @limit
                    """)
                .With("@pid", persistenceId).With("@from", next).With("@to", toSequenceNr).With("@limit", page);
            var read = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read++;
                var sequenceNr = reader.GetInt64(0);
                var manifest = reader.GetString(3);
                object payload;
                try
                {
                    payload = options.Serializer.Deserialize(manifest, (byte[])reader.GetValue(2));
                }
                catch (SerializationException cause)
                {
                    throw new SerializationException($"Cannot replay [{persistenceId}] sequence number {sequenceNr}: {cause.Message}", cause);
                }
                var persistent = new Persistent(payload, sequenceNr, persistenceId, manifest, reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), NoTags);
                yield return new EventRow(persistent, reader.GetInt64(5));
                count++;
                next = sequenceNr + 1;
            }
            if (read < page)
            {
                yield break;
            }
        }
    }
}

/// <summary>An event with its global ordering.</summary>
internal readonly record struct EventRow(Persistent Persistent, long Ordering);
