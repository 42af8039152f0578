using System.Globalization;
using System.Text.RegularExpressions;

namespace Supervisor.Host.Tests.Metrics;

/// <summary>One sample line of Prometheus' text format: <c>name{label="value",…} number</c>.</summary>
internal sealed partial record ScrapedSeries(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The samples of a scrape (comments and blank lines skipped).</summary>
    public static IReadOnlyList<ScrapedSeries> Parse(string text) =>
        [.. Line().Matches(text).Select(m => new ScrapedSeries(
            m.Groups["name"].Value,
            Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value, StringComparer.Ordinal),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))];

    /// <summary>Whether the sample is <paramref name="name"/> with every one of <paramref name="labels"/>.</summary>
    public bool Is(string name, params (string Key, string Value)[] labels) =>
        Name == name && labels.All(l => Labels.TryGetValue(l.Key, out var v) && v == l.Value);

    [GeneratedRegex("""(?m)^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$""")]
    private static partial Regex Line();

    [GeneratedRegex(""""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)"""")]
    private static partial Regex Label();
}
