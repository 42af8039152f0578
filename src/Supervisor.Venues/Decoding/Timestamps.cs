using System.Text;

namespace Supervisor.Venues.Decoding;

/// <summary>Venue times: whole epoch milliseconds between 1970 and 9999.</summary>
internal static class Timestamps
{
    private static readonly long MaxWholeMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly decimal MaxMilliseconds = MaxWholeMilliseconds;

    // The largest time (253402300799999) has 15 digits: a 15-digit accumulator cannot overflow a long.
    private const int MaxDigits = 15;

    /// <summary>
    /// The form venues nearly always send, unsigned ASCII digits of an in-range time, read as an integer without going
    /// through <see cref="decimal"/>. False for anything else (sign, point, exponent, more than 15 digits, out of range):
    /// the caller then takes the decimal route, which decides, so this never accepts what that route refuses.
    /// </summary>
    public static bool TryParseWholeMilliseconds(ReadOnlySpan<byte> text, out DateTimeOffset at)
    {
        at = default;
        if (text.IsEmpty || text.Length > MaxDigits)
        {
            return false;
        }
        long milliseconds = 0;
        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }
            milliseconds = (milliseconds * 10) + digit;
        }
        if (milliseconds > MaxWholeMilliseconds)
        {
            return false;
        }
        at = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    public static bool TryFromEpochMilliseconds(decimal milliseconds, out DateTimeOffset at)
    {
        at = default;
        if (milliseconds < 0 || milliseconds > MaxMilliseconds || decimal.Truncate(milliseconds) != milliseconds)
        {
            return false;
        }
        at = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }

    public static DateTimeOffset FromEpochMilliseconds(decimal milliseconds, ReadOnlySpan<byte> name) =>
        TryFromEpochMilliseconds(milliseconds, out var at) ? at
            : throw new FormatException($"field '{Encoding.UTF8.GetString(name)}' is not a time in epoch milliseconds: {milliseconds}");
}
