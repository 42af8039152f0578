using System.Runtime.CompilerServices;
using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Persistence.Sql.Query;

/// <summary>
/// Queries over the SQL journal (Akka.Persistence.Query's names, as async streams instead of Akka Streams
/// sources). The <c>Current…</c> queries end at what is stored now; the others keep polling until cancelled.
/// Queries by tag and over all events resume from a global <see cref="EventEnvelope.Offset"/> and never skip an
/// event whose transaction commits late (see <see cref="OrderingWatermark"/>).
/// </summary>
public sealed class SqlReadJournal
{
    private readonly SqlJournal _journal;
    private readonly ReadJournalOptions _options;

    /// <summary>Queries <paramref name="journal"/>'s database.</summary>
    public SqlReadJournal(SqlJournal journal, ReadJournalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        _options = options ?? new ReadJournalOptions();
    }

    /// <summary>Every persistence id stored now.</summary>
    public async IAsyncEnumerable<string> CurrentPersistenceIds([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT DISTINCT persistence_id FROM journal ORDER BY persistence_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    /// <summary>The events of one id stored now, in sequence order.</summary>
    public async IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(
        string persistenceId, long fromSequenceNr = 1, long toSequenceNr = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in EventRows.ReadAsync(_journal.Dialect, _journal.Options, persistenceId, fromSequenceNr, toSequenceNr, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            var p = row.Persistent;
            yield return new EventEnvelope(row.Ordering, p.PersistenceId, p.SequenceNr, p.Payload, p.Timestamp);
        }
    }

    /// <summary>The events of one id, then new ones as they are stored, until <paramref name="toSequenceNr"/> or cancellation.</summary>
    public async IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(
        string persistenceId, long fromSequenceNr = 1, long toSequenceNr = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = fromSequenceNr;
        while (next <= toSequenceNr)
        {
            await foreach (var envelope in CurrentEventsByPersistenceId(persistenceId, next, toSequenceNr, cancellationToken).ConfigureAwait(false))
            {
                next = envelope.SequenceNr + 1;
                yield return envelope;
            }
            if (next > toSequenceNr)
            {
                yield break;
            }
            await Task.Delay(_options.PollInterval, _options.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every event stored now with an ordering above <paramref name="offset"/>, in global order.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long offset = 0, CancellationToken cancellationToken = default) =>
        ByOrdering(tag: null, offset, live: false, cancellationToken);

    /// <summary>Every event above <paramref name="offset"/>, then new ones, until cancelled.</summary>
    public IAsyncEnumerable<EventEnvelope> AllEvents(long offset = 0, CancellationToken cancellationToken = default) =>
        ByOrdering(tag: null, offset, live: true, cancellationToken);

    /// <summary>The events tagged <paramref name="tag"/> stored now above <paramref name="offset"/>.</summary>
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long offset = 0, CancellationToken cancellationToken = default) =>
        ByOrdering(tag ?? throw new ArgumentNullException(nameof(tag)), offset, live: false, cancellationToken);

    /// <summary>The events tagged <paramref name="tag"/> above <paramref name="offset"/>, then new ones, until cancelled.</summary>
    public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long offset = 0, CancellationToken cancellationToken = default) =>
        ByOrdering(tag ?? throw new ArgumentNullException(nameof(tag)), offset, live: true, cancellationToken);

    private async IAsyncEnumerable<EventEnvelope> ByOrdering(string? tag, long offset, bool live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watermark = new OrderingWatermark(_options);
        while (true)
        {
            long safe;
            var rows = new List<EventEnvelope>();
            await using (var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                safe = await watermark.SafeUpToAsync(connection, offset, cancellationToken).ConfigureAwait(false);
                if (safe > offset)
                {
                    await ReadRangeAsync(connection, tag, offset, safe, rows, cancellationToken).ConfigureAwait(false);
                }
            }
            foreach (var row in rows)
            {
                yield return row;
            }
            var progressed = safe > offset;
            offset = safe;
            if (progressed)
            {
                continue;
            }
            if (!live)
            {
                yield break;
            }
            await Task.Delay(_options.PollInterval, _options.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadRangeAsync(System.Data.Common.DbConnection connection, string? tag, long after, long upTo, List<EventEnvelope> rows, CancellationToken cancellationToken)
    {
        var sql = tag is null
            ? "SELECT j.ordering, j.persistence_id, j.sequence_number, j.message, j.manifest, j.created FROM journal j WHERE j.ordering > @after AND j.ordering <= @upto AND j.deleted = FALSE ORDER BY j.ordering"
            : "SELECT j.ordering, j.persistence_id, j.sequence_number, j.message, j.manifest, j.created FROM tags t JOIN journal j ON j.ordering = t.ordering_id WHERE t.tag = @tag AND t.ordering_id > @after AND t.ordering_id <= @upto AND j.deleted = FALSE ORDER BY j.ordering";
        await using var command = connection.Command(sql).With("@after", after).With("@upto", upTo);
        if (tag is not null)
        {
            command.With("@tag", tag);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var persistenceId = reader.GetString(1);
            var sequenceNr = reader.GetInt64(2);
            object payload;
            try
            {
                payload = _journal.Options.Serializer.Deserialize(reader.GetString(4), (byte[])reader.GetValue(3));
            }
            catch (SerializationException cause)
            {
                throw new SerializationException($"Cannot read [{persistenceId}] sequence number {sequenceNr}: {cause.Message}", cause);
            }
            rows.Add(new EventEnvelope(reader.GetInt64(0), persistenceId, sequenceNr, payload, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }
    }
}
