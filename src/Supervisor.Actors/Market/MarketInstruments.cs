using System.Collections.Immutable;

namespace Supervisor.Actors.Market;

/// <summary>
/// The instruments a market-data connection holds, shared between the <see cref="MarketDataActor"/> (the only
/// writer) and the connection it supervises, which reads them whenever it (re)subscribes. Swapped whole, so a
/// reader never sees a half-updated set.
/// </summary>
public sealed class MarketInstruments
{
    private volatile ImmutableSortedSet<string> _current = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The instruments now.</summary>
    public ImmutableSortedSet<string> Current => _current;

    internal void Replace(ImmutableSortedSet<string> instruments) => _current = instruments;
}
