namespace Supervisor.Simulator;

/// <summary>Generates deterministic account credentials from a seed (alternating CoinW / ChainUP).</summary>
public static class AccountGenerator
{
    /// <summary>Returns <paramref name="count"/> accounts; the same seed gives the same keys.</summary>
    public static IReadOnlyList<SimAccountConfig> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var list = new List<SimAccountConfig>(count);
        for (int i = 0; i < count; i++)
        {
            var venue = i % 2 == 0 ? SimVenue.CoinW : SimVenue.ChainUp;
            var key = Hex(random, 16);
            list.Add(new SimAccountConfig(
                $"{(venue == SimVenue.CoinW ? "coinw" : "chainup")}-{i}", venue, key, Hex(random, 32), 1_000_000 + i,
                venue == SimVenue.ChainUp ? Hex(random, 32) : null));
        }
        return list;
    }

    private static string Hex(Random random, int bytes)
    {
        var b = new byte[bytes];
        random.NextBytes(b);
        return Convert.ToHexStringLower(b);
    }
}
