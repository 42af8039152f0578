using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Persistence.Sql;

/// <summary>The snapshot store on the journal's database (table <c>snapshot</c>), one row per (persistence id, sequence number).</summary>
public sealed class SqlSnapshotStore : SnapshotStore
{
    private readonly SqlJournal _journal;

    /// <summary>Uses the connection and serializer of <paramref name="journal"/>.</summary>
    public SqlSnapshotStore(SqlJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    /// <inheritdoc />
    public override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Select(connection.Command(
            """
            SELECT sequence_number, created, snapshot, manifest FROM snapshot
            WHERE persistence_id = @pid AND sequence_number <= @maxSeq AND sequence_number >= @minSeq AND created <= @maxTs AND created >= @minTs
            ORDER BY sequence_number DESC LIMIT 1
            """), persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var sequenceNr = reader.GetInt64(0);
        var metadata = new SnapshotMetadata(persistenceId, sequenceNr, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        try
        {
            return new SelectedSnapshot(metadata, _journal.Options.Serializer.Deserialize(reader.GetString(3), (byte[])reader.GetValue(2)));
        }
        catch (SerializationException cause)
        {
            throw new SerializationException($"Cannot load the snapshot of [{persistenceId}] at sequence number {sequenceNr}: {cause.Message}", cause);
        }
    }

    /// <inheritdoc />
    public override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        var (manifest, bytes) = _journal.Options.Serializer.Serialize(snapshot);
        await using var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(_journal.Dialect.UpsertSnapshot)
            .With("@pid", metadata.PersistenceId).With("@seq", metadata.SequenceNr).With("@created", metadata.Timestamp.ToUnixTimeMilliseconds())
            .With("@snapshot", bytes).With("@manifest", manifest);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        await using var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("DELETE FROM snapshot WHERE persistence_id = @pid AND sequence_number = @seq")
            .With("@pid", metadata.PersistenceId).With("@seq", metadata.SequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var connection = await _journal.Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Select(connection.Command(
            "DELETE FROM snapshot WHERE persistence_id = @pid AND sequence_number <= @maxSeq AND sequence_number >= @minSeq AND created <= @maxTs AND created >= @minTs"),
            persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static System.Data.Common.DbCommand Select(System.Data.Common.DbCommand command, string persistenceId, SnapshotSelectionCriteria criteria) =>
        command.With("@pid", persistenceId).With("@maxSeq", criteria.MaxSequenceNr).With("@minSeq", criteria.MinSequenceNr)
            .With("@maxTs", criteria.MaxTimestamp.ToUnixTimeMilliseconds())
            .With("@minTs", (criteria.MinTimestamp ?? DateTimeOffset.MinValue).ToUnixTimeMilliseconds());
}
