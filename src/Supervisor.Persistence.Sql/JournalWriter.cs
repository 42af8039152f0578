using System.Data.Common;
using System.Threading.Channels;
using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>
/// The one write queue all persistent actors share. Each writer loop takes what is queued (up to the batch size),
/// writes it in one transaction, and completes every caller. If a batch of several callers fails, each caller's
/// rows are retried alone, so one account's bad write (a duplicate sequence number from a stale writer) never
/// fails another account's; if the database is down, each caller then gets that failure.
/// </summary>
internal sealed class JournalWriter : IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = false });
    private readonly SqlDialect _dialect;
    private readonly SqlJournalOptions _options;
    private readonly Task[] _writers;

    public JournalWriter(SqlDialect dialect, SqlJournalOptions options)
    {
        _dialect = dialect;
        _options = options;
        _writers = new Task[options.EffectiveParallelism];
        for (var i = 0; i < _writers.Length; i++)
        {
            _writers[i] = Task.Run(WriterLoopAsync);
        }
    }

    /// <summary>Transactions committed so far (batch fill = rows / transactions).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Rows committed so far.</summary>
    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

    private long _transactions;
    private long _rowsWritten;

    public Task EnqueueAsync(WriteRequest request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
            request.Fail(new ObjectDisposedException(nameof(JournalWriter), "The journal is shutting down."));
        }
        return request.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task WriterLoopAsync()
    {
        var batch = new List<WriteRequest>();
        InsertStatements? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var rows = Fill(batch);
                if (rows < _options.BatchSize && _options.MaxBatchDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.MaxBatchDelay).ConfigureAwait(false);
                    Fill(batch, rows);
                }
                if (batch.Count == 0)
                {
                    continue;
                }
                connection = await WriteWithIsolationAsync(batch, connection).ConfigureAwait(false);
                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private int Fill(List<WriteRequest> batch, int rows = 0)
    {
        while (rows < _options.BatchSize && _queue.Reader.TryRead(out var request))
        {
            batch.Add(request);
            rows += request.Rows.Count;
        }
        return rows;
    }

    /// <returns>The connection to reuse, or null if it broke.</returns>
    private async Task<InsertStatements?> WriteWithIsolationAsync(List<WriteRequest> batch, InsertStatements? connection)
    {
        try
        {
            connection = await WriteTransactionAsync(batch, connection).ConfigureAwait(false);
            foreach (var request in batch)
            {
                request.Succeed();
            }
            // Each writer keeps its connection and prepared statements between batches (no pool round trip, no
            // per-open PRAGMAs, no re-parse); a failure drops them.
            return connection;
        }
        catch (Exception) when (batch.Count > 1)
        {
            connection = await FailedAsync(connection).ConfigureAwait(false);
            foreach (var request in batch)
            {
                try
                {
                    connection = await WriteTransactionAsync([request], connection).ConfigureAwait(false);
                    request.Succeed();
                }
                catch (Exception failure)
                {
                    connection = await FailedAsync(connection).ConfigureAwait(false);
                    request.Fail(failure);
                }
            }
            return connection;
        }
        catch (Exception failure)
        {
            batch[0].Fail(failure);
            return await FailedAsync(connection).ConfigureAwait(false);
        }
    }

    private async Task<InsertStatements> WriteTransactionAsync(IReadOnlyList<WriteRequest> requests, InsertStatements? connection)
    {
        if (connection is not null)
        {
            await WriteOrDisposeAsync(requests, connection, opened: false).ConfigureAwait(false);
            return connection;
        }
        connection = new InsertStatements(await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false));
        await WriteOrDisposeAsync(requests, connection, opened: true).ConfigureAwait(false);
        return connection;
    }

    private async Task WriteOrDisposeAsync(IReadOnlyList<WriteRequest> requests, InsertStatements connection, bool opened)
    {
        try
        {
            await WriteRowsAsync(requests, connection).ConfigureAwait(false);
        }
        catch when (opened)
        {
            // The caller never got this connection, so it could not drop it; an undisposed Npgsql connection would
            // hold its pool slot for good.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WriteRowsAsync(IReadOnlyList<WriteRequest> requests, InsertStatements connection)
    {
        await using var transaction = await connection.Connection.BeginTransactionAsync().ConfigureAwait(false);
        IReadOnlyList<JournalRow> rows;
        if (requests.Count == 1)
        {
            rows = requests[0].Rows;
        }
        else
        {
            var all = new List<JournalRow>(_options.BatchSize);
            foreach (var request in requests)
            {
                all.AddRange(request.Rows);
            }
            rows = all;
        }
        if (HasTags(rows) || !await _dialect.TryBulkInsertAsync(connection.Connection, rows).ConfigureAwait(false))
        {
            var perStatement = _dialect.RowsPerInsert;
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                await InsertAsync(connection, transaction, rows, start, count).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _rowsWritten, rows.Count);
    }

    private static bool HasTags(IReadOnlyList<JournalRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Tags.Count > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task InsertAsync(InsertStatements statements, DbTransaction transaction, IReadOnlyList<JournalRow> rows, int start, int count)
    {
        var tagged = false;
        for (var i = start; i < start + count; i++)
        {
            tagged |= rows[i].Tags.Count > 0;
        }
        var command = statements.Bind(rows, start, count, tagged, transaction);
        if (!tagged)
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            return;
        }
        // RETURNING order is not guaranteed, so orderings are matched back by (persistence_id, sequence_number).
        var orderings = new Dictionary<(string, long), long>();
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                orderings[(reader.GetString(1), reader.GetInt64(2))] = reader.GetInt64(0);
            }
        }
        for (var i = start; i < start + count; i++)
        {
            var row = rows[i];
            foreach (var tag in row.Tags)
            {
                await using var insertTag = statements.Connection.Command("INSERT INTO tags (ordering_id, tag, persistence_id, sequence_nr) VALUES (@o, @t, @p, @s)", transaction)
                    .With("@o", orderings[(row.PersistenceId, row.SequenceNr)]).With("@t", tag).With("@p", row.PersistenceId).With("@s", row.SequenceNr);
                await insertTag.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<InsertStatements?> FailedAsync(InsertStatements? connection)
    {
        _dialect.ConnectionFailed();
        return await DropAsync(connection).ConfigureAwait(false);
    }

    private static async Task<InsertStatements?> DropAsync(InsertStatements? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        return null;
    }
}
