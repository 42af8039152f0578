using System.Globalization;
using Supervisor.Kernel.Configuration;

namespace Supervisor.Host.Commands;

/// <summary>Durations on the command line: HOCON's spelling (<c>60s</c>, <c>2m</c>, <c>1.5h</c>) or <c>hh:mm:ss</c>.</summary>
internal static class CommandDurations
{
    /// <summary>A positive duration, or null when the text is not one.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && text.Contains(':'))
        {
            return span > TimeSpan.Zero ? span : null;
        }
        try
        {
            var value = HoconDuration.Parse(text);
            return value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
