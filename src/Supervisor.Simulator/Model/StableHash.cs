namespace Supervisor.Simulator.Model;

/// <summary>
/// FNV-1a over UTF-16 code units: string.GetHashCode is randomized per process, so seeds derived from it would make
/// the "deterministic for a seed" activity differ between runs.
/// </summary>
internal static class StableHash
{
    public static int Of(int seed, string text)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }
            return (int)hash;
        }
    }
}
