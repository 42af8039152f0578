using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Supervisor.Actors.Tests.Metrics;

/// <summary>
/// A <see cref="MeterListener"/> over ONE Meter instance (a system's <c>SupervisorMetrics.Meter</c>), so other actor
/// systems in the test process, with Meters of the same name, never reach it. Keeps each counter's sum, each
/// histogram's count and each gauge's last value per tag set; gauges are read when <see cref="Gauge"/> asks.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Instrument, IReadOnlyDictionary<string, string> Tags)> _tagSets = new();

    public MetricsRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(_sums, instrument, tags).Sum();

    /// <summary>How many measurements a histogram (or counter) took with <paramref name="tags"/>.</summary>
    public long Count(string instrument, params (string Key, string Value)[] tags) => Matching(_counts, instrument, tags).Sum();

    /// <summary>The gauge's current value with exactly <paramref name="tags"/> among its tags (0 when it reports none).</summary>
    public double Gauge(string instrument, params (string Key, string Value)[] tags)
    {
        _gauges.Clear();
        _listener.RecordObservableInstruments();
        return Matching(_gauges, instrument, tags).Sum();
    }

    /// <summary>Every tag set an instrument was measured with.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> TagSets(string instrument) =>
        _tagSets.Where(t => t.Instrument == instrument).Select(t => t.Tags);

    public void Dispose() => _listener.Dispose();

    private static IEnumerable<T> Matching<T>(ConcurrentDictionary<string, T> values, string instrument, (string Key, string Value)[] tags) =>
        values.Where(pair => pair.Key.StartsWith(instrument + "{", StringComparison.Ordinal) && tags.All(t => pair.Key.Contains($"|{t.Key}={t.Value}|", StringComparison.Ordinal)))
            .Select(pair => pair.Value);

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var tagMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            tagMap[tag.Key] = tag.Value?.ToString() ?? "";
        }
        var key = instrument.Name + "{|" + string.Join("|", tagMap.Select(t => $"{t.Key}={t.Value}")) + "|}";
        var number = value.ToDouble(null);
        if (instrument.IsObservable)
        {
            _gauges[key] = number;
            return;
        }
        if (!_counts.ContainsKey(key))
        {
            _tagSets.Enqueue((instrument.Name, tagMap));
        }
        _sums.AddOrUpdate(key, number, (_, sum) => sum + number);
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
    }
}
