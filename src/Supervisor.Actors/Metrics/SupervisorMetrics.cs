using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace Supervisor.Actors.Metrics;

/// <summary>
/// The supervisor's instruments (every one is listed in docs/metrics.md), one set per actor system; reach them with
/// <see cref="For"/>. Names and units are Prometheus'-friendly (<c>supervisor_…</c>, seconds); tags are node, venue,
/// status, reason and kind, never an account id (a thousand accounts would make a thousand series of each).
/// </summary>
/// <remarks>
/// <para>
/// An Akka extension rather than a static or a Props argument: accounts are created by the root, by the cluster's
/// entities and by tests, and each actor reaches its own system's instance through <c>Context.System</c> without
/// every Props in between carrying it. One instance per actor system keeps two systems in one process (the
/// cluster tests' nodes, test classes side by side) apart: each has its own Meter instance, its own status table and
/// queue depth, and its own node tag, and a test's MeterListener listens to its system's <see cref="Meter"/> only.
/// </para>
/// <para>
/// When the system was started by Akka.Hosting, the Meter comes from the host's <see cref="IMeterFactory"/> (so it
/// is disposed with the host that exports it) and the node tag from <see cref="SupervisorMetricsOptions"/>; otherwise
/// the Meter is the extension's own, disposed when the system terminates.
/// </para>
/// </remarks>
public sealed class SupervisorMetrics : IExtension
{
    /// <summary>The Meter's name, what an OpenTelemetry MeterProvider adds to listen (<c>AddMeter</c>).</summary>
    public const string MeterName = "Supervisor";

    // Latencies from well under a millisecond (a batched SQLite write) to seconds (a reconciliation holding frames
    // back, a journal outage). The default OpenTelemetry buckets (0 … 10 000) assume milliseconds.
    private static readonly double[] s_secondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly ConcurrentDictionary<string, VenueInstruments> _venues = new(StringComparer.Ordinal);
    private readonly Tag[] _node;
    private long _persistQueue;

    internal SupervisorMetrics(Meter meter, string node)
    {
        Meter = meter;
        Node = node;
        _node = [new Tag(MetricTags.Node, node)];
        Frames = meter.CreateCounter<long>("supervisor_frames_received", "{frame}", "WebSocket frames read from the venues' sockets (account and market-data connections).");
        Events = meter.CreateCounter<long>("supervisor_events_decoded", "{event}", "Normalized events decoded from the venues' frames.");
        DecodeErrors = meter.CreateCounter<long>("supervisor_decode_errors", "{frame}", "Frames dropped because they could not be decoded, by kind.");
        Reconnects = meter.CreateCounter<long>("supervisor_reconnects", "{reconnect}", "Account connections re-created after a failure, by reason.");
        JournalWrite = meter.CreateHistogram("supervisor_journal_write_seconds", "s", "Time from handing a write to the journal to its persist handler running.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets });
        FrameToPersisted = meter.CreateHistogram("supervisor_frame_persisted_seconds", "s",
            "Time from reading a frame off the socket to its events' write being applied; one measurement per write, of its oldest frame.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets });
        meter.CreateObservableGauge("supervisor_accounts", ObserveAccounts, "{account}", "Accounts by venue and connection status.");
        meter.CreateObservableGauge("supervisor_persist_queue_depth", () => new Measurement<long>(Volatile.Read(ref _persistQueue), _node), "{event}",
            "Events handed to the journal whose persist handler has not run yet, summed over the node's accounts.");
    }

    /// <summary>The Meter every instrument belongs to.</summary>
    public Meter Meter { get; }

    /// <summary>The node tag on every series.</summary>
    public string Node { get; }

    /// <summary>Events handed to the journal and not yet applied, over every account of this system.</summary>
    public long PersistQueueDepth => Volatile.Read(ref _persistQueue);

    internal Counter<long> Frames { get; }

    internal Counter<long> Events { get; }

    internal Counter<long> DecodeErrors { get; }

    internal Counter<long> Reconnects { get; }

    internal Histogram<double> JournalWrite { get; }

    internal Histogram<double> FrameToPersisted { get; }

    /// <summary>The instruments of <paramref name="system"/>, created on first use.</summary>
    public static SupervisorMetrics For(ActorSystem system) => system.WithExtension<SupervisorMetrics, SupervisorMetricsProvider>();

    /// <summary>The instruments of one venue, shared by every actor of it.</summary>
    public VenueInstruments ForVenue(string venue) =>
        _venues.TryGetValue(venue, out var known) ? known : _venues.GetOrAdd(venue, static (v, metrics) => new VenueInstruments(metrics, v), this);

    /// <summary>
    /// <paramref name="events"/> were handed to the journal in one write; returns the write's start for
    /// <see cref="JournalWritten"/> (0 when nobody listens to the latency, so the clock is not even read).
    /// </summary>
    public long WriteStarted(int events)
    {
        Interlocked.Add(ref _persistQueue, events);
        return JournalWrite.Enabled ? Stopwatch.GetTimestamp() : 0;
    }

    /// <summary><paramref name="events"/> of the queued writes were applied (or rejected, or dropped with their actor).</summary>
    public void EventsApplied(int events) => Interlocked.Add(ref _persistQueue, -events);

    /// <summary>The write started at <paramref name="started"/> (from <see cref="WriteStarted"/>) was acknowledged and applied.</summary>
    public void JournalWritten(long started)
    {
        if (started != 0)
        {
            JournalWrite.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _node);
        }
    }

    private IEnumerable<Measurement<long>> ObserveAccounts()
    {
        var measurements = new List<Measurement<long>>(_venues.Count * MetricTags.Statuses.Length);
        foreach (var venue in _venues.Values)
        {
            venue.ObserveAccounts(measurements);
        }
        return measurements;
    }
}
