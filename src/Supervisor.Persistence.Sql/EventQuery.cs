namespace Supervisor.Persistence.Sql;

/// <summary>One page of one persistence id's events: sequence numbers in [From, To], at most Limit rows.</summary>
/// <remarks>The columns are in the order they are read: Npgsql re-walks the row to go back to an earlier column.</remarks>
internal readonly record struct EventQuery(string PersistenceId, long From, long To, int Limit, bool WithOrdering)
{
    public const string Sql =
        """
        SELECT sequence_number, created, manifest, message, ordering FROM journal
        WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
        ORDER BY sequence_number LIMIT @limit
        """;

    // Replay needs no ordering; one column less per event.
    public const string SqlWithoutOrdering =
        """
        SELECT sequence_number, created, manifest, message FROM journal
        WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
        ORDER BY sequence_number LIMIT @limit
        """;
}
