using System.Diagnostics;

namespace Supervisor.Cluster.Tests;

/// <summary>Polls until a condition holds or a deadline passes; the deadline's failure names what was awaited and what was seen last.</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        var seen = "nothing";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }
                seen = value?.ToString() ?? "null";
            }
            catch (Exception error) when (clock.Elapsed < within)
            {
                // During a failover asks time out or fail; only the deadline decides.
                seen = $"{error.GetType().Name}: {error.Message}";
            }
            if (clock.Elapsed >= within)
            {
                throw new TimeoutException($"{what}: not within {within.TotalSeconds} s; last seen {seen}");
            }
            await Task.Delay(100);
        }
    }
}
