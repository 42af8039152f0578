using System.Text;

namespace Supervisor.Venues.Decoding;

/// <summary>Venue times: whole epoch milliseconds between 1970 and 9999.</summary>
internal static class Timestamps
{
    private static readonly decimal MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

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
