using Supervisor.Actors.State;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>
/// Compares the journaled part of two states. AccountState is a record over immutable dictionaries, whose equality
/// is by reference, so a plain Assert.Equal would fail on every recovered state.
/// </summary>
public static class StateAssert
{
    /// <summary>Asserts <paramref name="actual"/> holds everything <paramref name="expected"/> journaled, at the same sequence number.</summary>
    public static void SamePersistedState(AccountState expected, AccountState actual)
    {
        Assert.Equal(expected.AccountId, actual.AccountId);
        Assert.Equal(expected.SequenceNr, actual.SequenceNr);
        Assert.Equal(expected.Assets.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Assets.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Positions.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Positions.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.OpenOrders.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OpenOrders.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.TriggerOrders.OrderBy(p => p.Key, StringComparer.Ordinal), actual.TriggerOrders.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.AdlRanks.OrderBy(p => p.Key, StringComparer.Ordinal), actual.AdlRanks.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.RecentFillIds, actual.RecentFillIds);
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(expected.FeesPaid, actual.FeesPaid);
        Assert.Equal(expected.RealizedPnl, actual.RealizedPnl);
        Assert.Equal(expected.MarginSettings, actual.MarginSettings);
        Assert.Equal(expected.ReconciledAt, actual.ReconciledAt);
    }
}
