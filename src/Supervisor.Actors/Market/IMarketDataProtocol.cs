using Supervisor.Actors.Connection;
using Supervisor.Actors.Protocol;

namespace Supervisor.Actors.Market;

/// <summary>
/// A venue's public market-data socket: a connection protocol (no credentials) whose subscriptions are one channel per
/// instrument in <see cref="Instruments"/>, read afresh on every (re)connect.
/// </summary>
public interface IMarketDataProtocol : IVenueProtocol
{
    /// <summary>The venue of the accounts these prices value (compared with <c>AccountState.Venue</c>).</summary>
    string AccountVenue { get; }

    /// <summary>The instruments to hold; the market-data actor changes them.</summary>
    MarketInstruments Instruments { get; }

    /// <summary>The subscription for one instrument, as named in account positions.</summary>
    SubscriptionRequest SubscriptionFor(string instrument);
}
