namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>One row of Akka.Persistence.Sql's journal table, read with the engine's own driver.</summary>
public sealed record JournalRow(long Ordering, string PersistenceId, long SequenceNr, long? Identifier, string Manifest, byte[] Message)
{
    /// <summary>The rows of <paramref name="persistenceId"/> in sequence order.</summary>
    public static async Task<IReadOnlyList<JournalRow>> ReadAsync(JournalDatabase database, string persistenceId)
    {
        var rows = await database.RowsAsync(
            "SELECT ordering, persistence_id, sequence_number, identifier, manifest, message FROM journal WHERE persistence_id = @pid ORDER BY sequence_number",
            ("@pid", persistenceId));
        return [.. rows.Select(r => new JournalRow(
            Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture),
            (string)r[1],
            Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture),
            r[3] is DBNull ? null : Convert.ToInt64(r[3], System.Globalization.CultureInfo.InvariantCulture),
            (string)r[4],
            (byte[])r[5]))];
    }
}
