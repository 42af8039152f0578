using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Supervisor.Configuration;

namespace Supervisor.Host.Commands;

/// <summary>Durations on the command line: HOCON's spelling (<c>60s</c>, <c>2m</c>, <c>1.5h</c>) or <c>hh:mm:ss</c>.</summary>
internal static class CommandDurations
{
    /// <summary>
    /// A <c>--duration</c> option parsed at parse time, so a bad value is a parse error and an omitted one takes
    /// <paramref name="fallback"/> (null: no limit). Checking in a command validator instead saw an omitted option as
    /// empty, before its default applied, and refused the README's own command.
    /// </summary>
    public static Option<TimeSpan?> Option(string description, TimeSpan? fallback) => new("--duration")
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = Parse,
    };

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

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (Parse(text) is { } duration)
        {
            return duration;
        }
        result.AddError($"--duration '{text}' is not a duration: use e.g. 60s, 2m or 00:01:00.");
        return null;
    }
}
