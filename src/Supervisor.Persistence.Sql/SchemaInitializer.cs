using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>Creates the tables and indexes if they are missing; safe to run on every start.</summary>
internal static class SchemaInitializer
{
    public static async Task EnsureAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in dialect.Schema)
        {
            await using var command = connection.Command(statement);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
