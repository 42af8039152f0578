using System.Data.Common;
using System.Text;

namespace Supervisor.Persistence.Sql;

/// <summary>
/// The journal INSERTs of one writer connection, one prepared command per row count, kept for the connection's life.
/// Building the SQL text, parsing it and creating six DbParameter objects per row on every batch cost more CPU than
/// the database's own work; here a batch only sets parameter values and executes.
/// </summary>
internal sealed class InsertStatements(DbConnection connection) : IAsyncDisposable
{
    private const int ColumnsPerRow = 6;

    // Keyed by rows in the statement; the tagged variant (with RETURNING) by the negated count.
    private readonly Dictionary<int, PreparedInsert> _statements = [];

    public DbConnection Connection { get; } = connection;

    /// <summary>The INSERT of <paramref name="rows"/>[start..start+count), bound and ready to execute in <paramref name="transaction"/>.</summary>
    public DbCommand Bind(IReadOnlyList<JournalRow> rows, int start, int count, bool returning, DbTransaction transaction)
    {
        var key = returning ? -count : count;
        if (!_statements.TryGetValue(key, out var statement))
        {
            statement = _statements[key] = Create(count, returning);
        }
        var command = statement.Command;
        command.Transaction = transaction;
        var parameters = statement.Parameters;
        for (var i = 0; i < count; i++)
        {
            var row = rows[start + i];
            var slot = i * ColumnsPerRow;
            parameters[slot].Value = row.PersistenceId;
            parameters[slot + 1].Value = row.SequenceNr;
            parameters[slot + 2].Value = row.CreatedUnixMs;
            parameters[slot + 3].Value = row.Message;
            parameters[slot + 4].Value = row.Manifest;
            parameters[slot + 5].Value = row.WriterUuid;
        }
        if (!statement.Prepared)
        {
            // Prepared after the first values are set: Npgsql infers the parameter types from them.
            command.Prepare();
            statement.Prepared = true;
        }
        return command;
    }

    private PreparedInsert Create(int count, bool returning)
    {
        var sql = new StringBuilder("INSERT INTO journal (persistence_id, sequence_number, created, message, manifest, writer_uuid) VALUES ");
        var command = Connection.CreateCommand();
        var parameters = new DbParameter[count * ColumnsPerRow];
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var column = 0; column < ColumnsPerRow; column++)
            {
                var name = $"@v{(i * ColumnsPerRow) + column}";
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                parameters[(i * ColumnsPerRow) + column] = parameter;
            }
            sql.Append(')');
        }
        if (returning)
        {
            sql.Append(" RETURNING ordering, persistence_id, sequence_number");
        }
        command.CommandText = sql.ToString();
        return new PreparedInsert(command, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            await statement.Command.DisposeAsync().ConfigureAwait(false);
        }
        _statements.Clear();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
