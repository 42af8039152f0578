using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.CoinW;

/// <summary>
/// What one CoinW socket is subscribed to: private channel types, and the contracts of its mark_price
/// subscriptions (lower case, as CoinW writes that channel's pairCode). Read by push threads, written by the receive loop.
/// </summary>
internal sealed class CoinWSubscriptions
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _private = new(StringComparer.Ordinal);
    private readonly HashSet<string> _marks = new(StringComparer.Ordinal);

    public void Add(string type, string? pairCode)
    {
        lock (_lock)
        {
            if (type == "mark_price")
            {
                _marks.Add(pairCode!.ToLowerInvariant());
            }
            else if (CoinWChannels.Private.Contains(type))
            {
                _private.Add(type);
            }
        }
    }

    public void Remove(string type, string? pairCode)
    {
        lock (_lock)
        {
            if (type == "mark_price")
            {
                _marks.Remove(pairCode!.ToLowerInvariant());
            }
            else
            {
                _private.Remove(type);
            }
        }
    }

    public bool Has(string type)
    {
        lock (_lock)
        {
            return _private.Contains(type);
        }
    }

    /// <summary>The mark_price pairCodes that name a contract the simulator serves (others were acked and stay silent).</summary>
    public IReadOnlyList<string> ServedMarks()
    {
        lock (_lock)
        {
            return [.. _marks.Where(p => Instrument.All.Any(i => string.Equals(i.Base, p, StringComparison.OrdinalIgnoreCase)))];
        }
    }
}
