using System.Globalization;

namespace Supervisor.Configuration;

/// <summary>
/// Sizes as HOCON writes them: <c>kB MB GB …</c> are powers of 10, <c>K Ki KiB M Mi MiB …</c> (and single letters in
/// either case) powers of 2; a bare number is bytes; fractions are allowed (<c>0.5M</c>).
/// </summary>
public static class HoconByteSize
{
    private static readonly Dictionary<string, decimal> Multipliers = Build();

    /// <summary>Parses a size in bytes; throws <see cref="FormatException"/> on an unknown unit or a size beyond 64 bits.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = UnitText.Split(text.Trim());
        if (!Multipliers.TryGetValue(unit, out var multiplier))
        {
            throw new FormatException($"'{text}' is not a size: unknown unit '{unit}' (use B, kB, MB, GB … for powers of 10, or K, KiB, M, MiB … for powers of 2)");
        }
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a size: '{number}' is not a number");
        }
        decimal bytes;
        try
        {
            bytes = decimal.Truncate(value * multiplier);
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is too large a size for 64 bits");
        }
        if (bytes > long.MaxValue || bytes < long.MinValue)
        {
            throw new FormatException($"'{text}' is too large a size for 64 bits");
        }
        return (long)bytes;
    }

    private static Dictionary<string, decimal> Build()
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var name in new[] { "", "B", "b", "byte", "bytes" })
        {
            table[name] = 1m;
        }
        string[] decimalPrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal power10 = 1m, power2 = 1m;
        for (var i = 0; i < decimalPrefixes.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            var letter = decimalPrefixes[i].ToUpperInvariant();
            table[decimalPrefixes[i] + "B"] = power10;
            table[decimalNames[i] + "byte"] = power10;
            table[decimalNames[i] + "bytes"] = power10;
            foreach (var name in new[] { letter, letter.ToLowerInvariant(), letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                table[name] = power2;
            }
        }
        return table;
    }
}
