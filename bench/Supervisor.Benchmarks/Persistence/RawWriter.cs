using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Serialization;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// The physical baseline: the same rows (the product serializer's bytes, manifest and serializer id) written by hand
/// into Akka.Persistence.Sql's own journal table, indexes included, a batch per transaction — a multi-row INSERT on
/// SQLite (WAL, synchronous=FULL, as the product), binary COPY on PostgreSQL — with no queue, no actor in between.
/// </summary>
internal static class RawWriter
{
    public static async Task WriteAsync(JournalTarget target, IReadOnlyList<(string Pid, long Seq, byte[] Bytes)> rows, int batchSize)
    {
        if (target.Settings.Engine == JournalEngine.Sqlite)
        {
            await using var connection = new SqliteConnection(target.Settings.ConnectionString);
            await connection.OpenAsync();
            await Pragmas(connection);
            for (var start = 0; start < rows.Count; start += batchSize)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                var count = Math.Min(batchSize, rows.Count - start);
                for (var chunk = 0; chunk < count; chunk += 100)
                {
                    await InsertAsync(connection, transaction, rows, start + chunk, Math.Min(100, count - chunk));
                }
                await transaction.CommitAsync();
            }
            return;
        }
        await using var pg = new NpgsqlConnection(target.Settings.ConnectionString);
        await pg.OpenAsync();
        for (var start = 0; start < rows.Count; start += batchSize)
        {
            await using var transaction = await pg.BeginTransactionAsync();
            await using (var copy = await pg.BeginBinaryImportAsync("COPY journal (persistence_id, sequence_number, created, deleted, message, manifest, identifier, writer_uuid) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = start; i < Math.Min(start + batchSize, rows.Count); i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(rows[i].Pid, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(rows[i].Seq, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(rows[i].Bytes, NpgsqlDbType.Bytea);
                    await copy.WriteAsync(BenchData.Manifest, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(AccountJsonSerializer.Id, NpgsqlDbType.Integer);
                    await copy.WriteAsync("raw", NpgsqlDbType.Varchar);
                }
                await copy.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
    }

    public static async Task Pragmas(SqliteConnection connection)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
        await pragma.ExecuteNonQueryAsync();
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string Pid, long Seq, byte[] Bytes)> rows, int start, int count)
    {
        var sql = new StringBuilder("INSERT INTO journal (persistence_id, sequence_number, created, deleted, message, manifest, identifier, writer_uuid) VALUES ");
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "" : ",").Append($"(@p{i},@s{i},0,0,@m{i},'{BenchData.Manifest}',{AccountJsonSerializer.Id},'raw')");
            var row = rows[start + i];
            ((SqliteCommand)command).Parameters.AddWithValue($"@p{i}", row.Pid);
            ((SqliteCommand)command).Parameters.AddWithValue($"@s{i}", row.Seq);
            ((SqliteCommand)command).Parameters.AddWithValue($"@m{i}", row.Bytes);
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }
}
