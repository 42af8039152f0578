using System.Globalization;

namespace Supervisor.Configuration;

/// <summary>
/// Durations as HOCON and Akka write them: a number, optional whitespace and a unit (<c>ns us ms s m h d</c> and
/// their long forms, lowercase), a bare number meaning milliseconds, and Akka's <c>infinite</c>.
/// </summary>
public static class HoconDuration
{
    private static readonly Dictionary<string, decimal> NanosPerUnit = Build();

    /// <summary>Parses a duration; throws <see cref="FormatException"/> naming the accepted units.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("infinite", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }
        var (number, unit) = UnitText.Split(trimmed);
        if (!NanosPerUnit.TryGetValue(unit, out var nanos))
        {
            throw new FormatException(
                $"'{text}' is not a duration: unknown unit '{unit}' (use ns, us, ms, s, m, h or d, their long forms such as seconds, or infinite)");
        }
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a duration: '{number}' is not a number");
        }
        decimal ticks;
        try
        {
            ticks = decimal.Round(value * nanos / 100m);
        }
        catch (OverflowException)
        {
            ticks = decimal.MaxValue;
        }
        if (ticks > long.MaxValue || ticks < long.MinValue)
        {
            throw new FormatException($"'{text}' is too long a duration");
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal) { [""] = 1_000_000m };
        void Add(decimal nanos, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = nanos;
            }
        }
        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000m, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000m, "s", "second", "seconds");
        Add(60_000_000_000m, "m", "minute", "minutes");
        Add(3_600_000_000_000m, "h", "hour", "hours");
        Add(86_400_000_000_000m, "d", "day", "days");
        return table;
    }
}
