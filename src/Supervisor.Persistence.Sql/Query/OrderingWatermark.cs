using System.Data.Common;

namespace Supervisor.Persistence.Sql.Query;

/// <summary>
/// Finds how far past an offset the global ordering can be read safely. On PostgreSQL identity values are taken
/// before commit, so concurrent writers can commit 11 before 10, and a rolled-back write leaves 10 missing for
/// good. Reading up to the first hole (and past a hole only once it is older than the gap timeout) means an event
/// that commits late is still delivered in order, and a true hole delays readers by at most the timeout.
/// </summary>
internal sealed class OrderingWatermark(ReadJournalOptions options)
{
    // First time each hole (by its first missing ordering) was seen.
    private readonly Dictionary<long, long> _holesSeen = [];

    public async Task<long> SafeUpToAsync(DbConnection connection, long offset, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT ordering FROM journal WHERE ordering > @offset ORDER BY ordering LIMIT @limit")
            .With("@offset", offset).With("@limit", options.PageSize);
        var safe = offset;
        var expected = offset + 1;
        var now = options.Time.GetTimestamp();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var ordering = reader.GetInt64(0);
            if (ordering != expected)
            {
                if (!_holesSeen.TryGetValue(expected, out var seen))
                {
                    _holesSeen[expected] = now;
                    break;
                }
                if (options.Time.GetElapsedTime(seen, now) < options.GapTimeout)
                {
                    break;
                }
                _holesSeen.Remove(expected);
            }
            safe = ordering;
            expected = ordering + 1;
        }
        return safe;
    }
}
