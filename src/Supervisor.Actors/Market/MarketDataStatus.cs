using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Market;

/// <summary>Asks a <see cref="MarketDataActor"/> for its <see cref="MarketDataStatus"/>; the root answers <see cref="MarketDataStatuses"/> for all.</summary>
public sealed record GetMarketDataStatus;

/// <summary>Every venue's market-data status, from the root.</summary>
public sealed record MarketDataStatuses(IReadOnlyList<MarketDataStatus> Venues);

/// <summary>What one venue's shared market-data connection is doing.</summary>
public sealed record MarketDataStatus(string Venue, ConnectionStatus Connection, IReadOnlyList<string> Instruments, int Reconnects, long MarksPublished);
