using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;
using Supervisor.Actors.Hosting;
using Supervisor.Tests.Postgres;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>A new, empty database on the shared throw-away server (dropped with the server).</summary>
public sealed partial class PostgresJournalDatabase : JournalDatabase
{
    private const string UniqueViolation = "23505";
    private readonly string _connectionString;

    private PostgresJournalDatabase(string connectionString) => _connectionString = connectionString;

    /// <summary>Creates the database.</summary>
    public static async Task<PostgresJournalDatabase> CreateAsync(PostgresServer server) => new(await server.CreateDatabaseAsync());

    /// <inheritdoc />
    public override JournalSettings Settings => JournalSettings.PostgreSql(_connectionString);

    /// <inheritdoc />
    public override string BlobType => "BYTEA";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> UniqueKeysAsync(string table)
    {
        var rows = await RowsAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @table", ("@table", table));
        // e.g. CREATE UNIQUE INDEX journal_uq ON public.journal USING btree (persistence_id, sequence_number)
        return [.. rows.Select(r => (string)r[0]).Select(d => UniqueIndex().Match(d)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: UniqueViolation };

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"^CREATE UNIQUE INDEX .* USING \w+ \((.*)\)$")]
    private static partial Regex UniqueIndex();
}
