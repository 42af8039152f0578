using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>
/// The journal on SQLite or PostgreSQL. Writes of all actors share one queue and are batched into one
/// transaction per batch; an event that does not serialize rejects its write (the actor goes on), a database
/// error fails the call (the actor stops and is restarted by its backoff supervisor). Replay is paged.
/// </summary>
public sealed class SqlJournal : AsyncWriteJournal, IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly SqlJournalOptions _options;
    private readonly JournalWriter _writer;

    private SqlJournal(SqlDialect dialect, SqlJournalOptions options)
    {
        _dialect = dialect;
        _options = options;
        _writer = new JournalWriter(dialect, options);
    }

    /// <summary>The options.</summary>
    public SqlJournalOptions Options => _options;

    internal SqlDialect Dialect => _dialect;

    /// <summary>Write transactions committed and rows in them so far; rows / transactions is the batch fill.</summary>
    public (long Transactions, long Rows) WriteStatistics => (_writer.Transactions, _writer.RowsWritten);

    /// <summary>Opens the journal, creating the schema if configured to.</summary>
    public static async Task<SqlJournal> CreateAsync(SqlJournalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var dialect = SqlDialect.For(options);
        if (options.AutoInitialize)
        {
            await SchemaInitializer.EnsureAsync(dialect, cancellationToken).ConfigureAwait(false);
        }
        return new SqlJournal(dialect, options);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Exception?[]? rejections = null;
        var rows = new List<JournalRow>();
        for (var i = 0; i < messages.Count; i++)
        {
            var firstRow = rows.Count;
            try
            {
                foreach (var persistent in messages[i].Payload)
                {
                    var (manifest, bytes) = _options.Serializer.Serialize(persistent.Payload);
                    rows.Add(new JournalRow(persistent.PersistenceId, persistent.SequenceNr, persistent.Timestamp.ToUnixTimeMilliseconds(), manifest, bytes, persistent.WriterGuid, persistent.Tags));
                }
            }
            catch (SerializationException cause)
            {
                // Rejected before the write: the rest of this atomic write must not be stored either.
                rows.RemoveRange(firstRow, rows.Count - firstRow);
                rejections ??= new Exception?[messages.Count];
                rejections[i] = cause;
            }
        }
        if (rows.Count > 0)
        {
            await _writer.EnqueueAsync(new WriteRequest(rows)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return rejections;
    }

    /// <inheritdoc />
    public override async Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        try
        {
            await EventRows.ReplayAsync(_dialect, _options, persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            _dialect.ConnectionFailed();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COALESCE(MAX(sequence_number), 0) FROM journal WHERE persistence_id = @pid")
            .With("@pid", persistenceId);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        // Marked, not removed, so the highest sequence number survives and new events keep counting upward.
        await using var connection = await _dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE journal SET deleted = TRUE WHERE persistence_id = @pid AND sequence_number <= @to")
            .With("@pid", persistenceId).With("@to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the writers after the queued writes are done.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _dialect.DisposeAsync().ConfigureAwait(false);
    }
}
