using System.Diagnostics;
using Supervisor.Actors.Connection;
using Supervisor.Venues.Decoding;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace Supervisor.Actors.Metrics;

/// <summary>
/// One venue's side of <see cref="SupervisorMetrics"/>: what a connection, an account or a state actor of that venue
/// measures. The tag arrays are built once per venue and shared by every actor of it, so a frame costs one
/// <c>Counter.Add</c> over a ready span and nothing is allocated (and with no listener, <c>Add</c> returns at once).
/// The arrays are never written after construction, which is what makes sharing them across threads safe.
/// </summary>
public sealed class VenueInstruments
{
    private readonly SupervisorMetrics _metrics;
    private readonly Tag[] _venue;
    private readonly Tag[][] _kinds;
    private readonly Tag[][] _reasons;
    private readonly Tag[][] _statuses;
    // Accounts of this venue per ConnectionStatus; changed on status transitions only, read by the gauge on a scrape.
    private readonly long[] _accounts = new long[MetricTags.Statuses.Length];

    internal VenueInstruments(SupervisorMetrics metrics, string venue)
    {
        _metrics = metrics;
        Venue = venue;
        var node = new Tag(MetricTags.Node, metrics.Node);
        var venueTag = new Tag(MetricTags.Venue, venue);
        _venue = [node, venueTag];
        _kinds = [.. MetricTags.DecodeKinds.Select(k => new[] { node, venueTag, new Tag(MetricTags.Kind, k) })];
        _reasons = [.. Enumerable.Range(0, ReconnectReasons.Count).Select(r => new[] { node, venueTag, new Tag(MetricTags.Reason, ReconnectReasons.Tag((ReconnectReason)r)) })];
        _statuses = [.. MetricTags.Statuses.Select(s => new[] { node, venueTag, new Tag(MetricTags.Status, s) })];
    }

    /// <summary>The venue.</summary>
    public string Venue { get; }

    /// <summary>One frame read from a socket of this venue.</summary>
    public void FrameReceived() => _metrics.Frames.Add(1, _venue);

    /// <summary>Events decoded from one frame.</summary>
    public void EventsDecoded(int count) => _metrics.Events.Add(count, _venue);

    /// <summary>A frame dropped as undecodable; null for a protocol that did not say why.</summary>
    public void DecodeFailed(DecodeErrorKind? kind) => _metrics.DecodeErrors.Add(1, _kinds[MetricTags.KindIndex(kind)]);

    /// <summary>A connection of this venue is being re-created (or, for rejected credentials, retried later).</summary>
    public void Reconnecting(ReconnectReason reason) => _metrics.Reconnects.Add(1, _reasons[(int)reason]);

    /// <summary>
    /// A write holding events of a frame read at <paramref name="receivedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>)
    /// was acknowledged by the journal and applied.
    /// </summary>
    public void FramePersisted(long receivedTimestamp) =>
        _metrics.FrameToPersisted.Record(Stopwatch.GetElapsedTime(receivedTimestamp).TotalSeconds, _venue);

    /// <summary>An account of this venue moved from <paramref name="from"/> to <paramref name="to"/> (null: it started or stopped).</summary>
    public void AccountStatusChanged(ConnectionStatus? from, ConnectionStatus? to)
    {
        if (from == to)
        {
            return;
        }
        if (from is { } old)
        {
            Interlocked.Decrement(ref _accounts[(int)old]);
        }
        if (to is { } next)
        {
            Interlocked.Increment(ref _accounts[(int)next]);
        }
    }

    /// <summary>The accounts of this venue in <paramref name="status"/> now.</summary>
    public long AccountsIn(ConnectionStatus status) => Volatile.Read(ref _accounts[(int)status]);

    internal void ObserveAccounts(List<System.Diagnostics.Metrics.Measurement<long>> into)
    {
        for (var status = 0; status < _accounts.Length; status++)
        {
            into.Add(new(Volatile.Read(ref _accounts[status]), _statuses[status]));
        }
    }
}
