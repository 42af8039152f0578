using System.Runtime.CompilerServices;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>Paged reads of one persistence id's events, shared by replay and the queries.</summary>
internal static class EventRows
{
    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    /// <summary>Reads the payload column (into a pooled buffer where the provider does that cheaply) and deserializes it.</summary>
    private static object Deserialize(System.Data.Common.DbDataReader reader, bool pooled, IEventSerializer serializer, string persistenceId, long sequenceNr, string manifest)
    {
        if (!pooled)
        {
            try
            {
                return serializer.Deserialize(manifest, (byte[])reader.GetValue(2));
            }
            catch (SerializationException cause)
            {
                throw new SerializationException($"Cannot replay [{persistenceId}] sequence number {sequenceNr}: {cause.Message}", cause);
            }
        }
        var length = (int)reader.GetBytes(2, 0, null, 0, 0);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = (int)reader.GetBytes(2, 0, buffer, 0, length);
            return serializer.Deserialize(manifest, buffer.AsSpan(0, read));
        }
        catch (SerializationException cause)
        {
            throw new SerializationException($"Cannot replay [{persistenceId}] sequence number {sequenceNr}: {cause.Message}", cause);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
                    SELECT sequence_number, created, message, manifest, ordering FROM journal
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
                var payload = Deserialize(reader, dialect.PooledBlobReads, options.Serializer, persistenceId, sequenceNr, manifest);
                // The writer id is not read back: nothing in replay uses it, and it is one string less per event.
                var persistent = new Persistent(payload, sequenceNr, persistenceId, manifest, "", DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), NoTags);
                yield return new EventRow(persistent, reader.GetInt64(4));
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
