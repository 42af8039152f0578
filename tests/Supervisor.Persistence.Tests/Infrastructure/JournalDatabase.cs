using System.Data.Common;
using Supervisor.Actors.Hosting;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>
/// One empty database for one test, with what differs between SQLite and PostgreSQL: how to open it, how to list
/// its unique keys and how a unique violation looks. Everything else the tests run is the same SQL on both.
/// </summary>
public abstract class JournalDatabase : IAsyncDisposable
{
    /// <summary>The product's settings for this database.</summary>
    public abstract JournalSettings Settings { get; }

    /// <summary>The binary column type of the engine (for hand-made tables).</summary>
    public abstract string BlobType { get; }

    /// <summary>An open connection of the engine's own driver, not through Akka.</summary>
    public abstract Task<DbConnection> OpenAsync();

    /// <summary>The column lists of every unique index (or unique constraint) of <paramref name="table"/>, in index order.</summary>
    public abstract Task<IReadOnlyList<string>> UniqueKeysAsync(string table);

    /// <summary>Whether <paramref name="exception"/> is the database refusing a duplicate key.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Runs <paramref name="sql"/> with <c>@name</c> parameters.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> as a long.</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row of <paramref name="sql"/>, each column as the driver returns it.</summary>
    public async Task<IReadOnlyList<object[]>> RowsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
