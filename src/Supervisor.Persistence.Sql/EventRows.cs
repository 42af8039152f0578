using System.Runtime.CompilerServices;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Serialization;
using Supervisor.Persistence.Sql.Dialects;

namespace Supervisor.Persistence.Sql;

/// <summary>Paged reads of one persistence id's events, shared by replay and the queries.</summary>
internal static class EventRows
{
    private static readonly IReadOnlySet<string> NoTags = new HashSet<string>();

    /// <summary>
    /// Replays into <paramref name="callback"/>, in sequence order, on the caller's flow. While one page is being
    /// deserialized and handed to the callback, a second task reads the next page (on the same connection, one read
    /// at a time) and then helps deserializing the current page from its end, so reading, deserializing and
    /// delivering are spread over two cores instead of taking turns on one.
    /// </summary>
    public static async Task ReplayAsync(
        SqlDialect dialect,
        SqlJournalOptions options,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> callback,
        CancellationToken cancellationToken)
    {
        var next = Math.Max(1, fromSequenceNr);
        if (max <= 0 || next > toSequenceNr)
        {
            return;
        }
        var pageSize = (int)Math.Min(options.ReplayPageSize, max);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var first = new EventPage(pageSize);
        using var second = new EventPage(pageSize);
        var (current, ahead) = (first, second);
        var serializer = options.Serializer;
        var remaining = max;
        var query = new EventQuery(persistenceId, next, toSequenceNr, pageSize, WithOrdering: false);
        await dialect.ReadPageAsync(connection, query, current, cancellationToken).ConfigureAwait(false);
        Task? reading = null;
        try
        {
            while (true)
            {
                var page = current;
                Func<int, object> deserialize = i => Deserialize(page, i, persistenceId, serializer);
                remaining -= page.Count;
                var more = page.Count == query.Limit && remaining > 0;
                if (more)
                {
                    next = page.SequenceNrs[page.Count - 1] + 1;
                    more = next <= toSequenceNr;
                }
                if (more)
                {
                    query = query with { From = next, Limit = (int)Math.Min(pageSize, remaining) };
                    var (readQuery, target) = (query, ahead);
                    reading = Task.Run(
                        async () =>
                        {
                            await dialect.ReadPageAsync(connection, readQuery, target, cancellationToken).ConfigureAwait(false);
                            page.DeserializeFromBack(deserialize);
                        },
                        cancellationToken);
                }
                for (var i = 0; i < page.Count; i++)
                {
                    callback(ToPersistent(page, i, persistenceId, page.Take(i, deserialize)));
                }
                if (!more)
                {
                    return;
                }
                // Also the point after which the helper no longer touches this page, so it can be refilled.
                await reading!.ConfigureAwait(false);
                reading = null;
                (current, ahead) = (ahead, current);
            }
        }
        finally
        {
            // The connection and pages must not be released under a read still running; its own failure matters
            // only if nothing else failed first, and then it has already been thrown by the await above.
            if (reading is not null)
            {
                await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The events with their global ordering, a page at a time.</summary>
    public static async IAsyncEnumerable<EventRow> ReadAsync(
        SqlDialect dialect,
        SqlJournalOptions options,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = Math.Max(1, fromSequenceNr);
        long count = 0;
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var page = new EventPage((int)Math.Min(options.ReplayPageSize, Math.Max(1, max)));
        while (count < max && next <= toSequenceNr)
        {
            var limit = (int)Math.Min(options.ReplayPageSize, max - count);
            await dialect.ReadPageAsync(connection, new EventQuery(persistenceId, next, toSequenceNr, limit, WithOrdering: true), page, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < page.Count; i++)
            {
                yield return new EventRow(ToPersistent(page, i, persistenceId, Deserialize(page, i, persistenceId, options.Serializer)), page.Orderings[i]);
            }
            count += page.Count;
            if (page.Count < limit)
            {
                yield break;
            }
            next = page.SequenceNrs[page.Count - 1] + 1;
        }
    }

    private static object Deserialize(EventPage page, int i, string persistenceId, IEventSerializer serializer)
    {
        try
        {
            return serializer.Deserialize(page.Manifests[i], page.Payload(i));
        }
        catch (SerializationException cause)
        {
            throw new SerializationException($"Cannot replay [{persistenceId}] sequence number {page.SequenceNrs[i]}: {cause.Message}", cause);
        }
    }

    // The writer id is not read back: nothing in replay uses it, and it is one string less per event.
    private static Persistent ToPersistent(EventPage page, int i, string persistenceId, object payload) =>
        new(payload, page.SequenceNrs[i], persistenceId, page.Manifests[i], "", DateTimeOffset.FromUnixTimeMilliseconds(page.Created[i]), NoTags);
}
