using System.Data.Common;
using System.Text;
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
    private const int RowsPerStatement = 100;

    // Parameter names per row position, built once: a hot path must not format six strings per event.
    private static readonly string[][] ParameterNames = Enumerable.Range(0, RowsPerStatement)
        .Select(static i => new[] { $"@p{i}", $"@s{i}", $"@c{i}", $"@m{i}", $"@f{i}", $"@w{i}" })
        .ToArray();
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = false });
    private readonly SqlDialect _dialect;
    private readonly SqlJournalOptions _options;
    private readonly Task[] _writers;
    private readonly Dictionary<int, string> _insertSql = [];

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
        DbConnection? connection = null;
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
    private async Task<DbConnection?> WriteWithIsolationAsync(List<WriteRequest> batch, DbConnection? connection)
    {
        try
        {
            connection = await WriteTransactionAsync(batch, connection).ConfigureAwait(false);
            foreach (var request in batch)
            {
                request.Succeed();
            }
            // Each writer keeps its connection between batches (no pool round trip, no per-open PRAGMAs); a failure drops it.
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

    private async Task<DbConnection> WriteTransactionAsync(IReadOnlyList<WriteRequest> requests, DbConnection? connection)
    {
        connection ??= await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var rows = new List<JournalRow>();
        foreach (var request in requests)
        {
            rows.AddRange(request.Rows);
        }
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await InsertAsync(connection, transaction, rows, start, count).ConfigureAwait(false);
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _rowsWritten, rows.Count);
        return connection;
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, List<JournalRow> rows, int start, int count)
    {
        var tagged = false;
        for (var i = start; i < start + count; i++)
        {
            tagged |= rows[i].Tags.Count > 0;
        }
        await using var command = connection.Command(InsertSql(count) + (tagged ? " RETURNING ordering, persistence_id, sequence_number" : ""), transaction);
        for (var i = 0; i < count; i++)
        {
            var row = rows[start + i];
            var names = ParameterNames[i];
            command.With(names[0], row.PersistenceId).With(names[1], row.SequenceNr).With(names[2], row.CreatedUnixMs)
                .With(names[3], row.Message).With(names[4], row.Manifest).With(names[5], row.WriterUuid);
        }
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
                await using var insertTag = connection.Command("INSERT INTO tags (ordering_id, tag, persistence_id, sequence_nr) VALUES (@o, @t, @p, @s)", transaction)
                    .With("@o", orderings[(row.PersistenceId, row.SequenceNr)]).With("@t", tag).With("@p", row.PersistenceId).With("@s", row.SequenceNr);
                await insertTag.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    private string InsertSql(int count)
    {
        lock (_insertSql)
        {
            if (_insertSql.TryGetValue(count, out var sql))
            {
                return sql;
            }
            var builder = new StringBuilder("INSERT INTO journal (persistence_id, sequence_number, created, message, manifest, writer_uuid) VALUES ");
            for (var i = 0; i < count; i++)
            {
                builder.Append(i == 0 ? "" : ", ").Append($"(@p{i}, @s{i}, @c{i}, @m{i}, @f{i}, @w{i})");
            }
            return _insertSql[count] = builder.ToString();
        }
    }

    private async Task<DbConnection?> FailedAsync(DbConnection? connection)
    {
        _dialect.ConnectionFailed();
        return await DropAsync(connection).ConfigureAwait(false);
    }

    private static async Task<DbConnection?> DropAsync(DbConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        return null;
    }
}
