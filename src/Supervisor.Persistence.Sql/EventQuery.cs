namespace Supervisor.Persistence.Sql;

/// <summary>One page of one persistence id's events: sequence numbers in [From, To], at most Limit rows.</summary>
internal readonly record struct EventQuery(string PersistenceId, long From, long To, int Limit, bool WithOrdering)
{
    public const string Sql =
        """
        SELECT sequence_number, created, message, manifest, ordering FROM journal
        WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
        ORDER BY sequence_number LIMIT @limit
        """;

    // Replay needs no ordering; one column less per event.
    public const string SqlWithoutOrdering =
        """
        SELECT sequence_number, created, message, manifest FROM journal
        WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
        ORDER BY sequence_number LIMIT @limit
        """;
}
