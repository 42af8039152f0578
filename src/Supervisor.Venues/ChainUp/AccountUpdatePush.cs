using Supervisor.Venues.Events;

namespace Supervisor.Venues.ChainUp;

/// <summary>An ACCOUNT_UPDATE read from the frame, before the codec merges it with the positions it has seen.</summary>
internal sealed record AccountUpdatePush(string EventType, IReadOnlyList<AssetBalanceChanged> Balances, PositionFields? Position);
