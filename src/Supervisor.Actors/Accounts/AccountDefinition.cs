using Supervisor.Actors.Protocol;
using Supervisor.Venues.Rest;

namespace Supervisor.Actors.Accounts;

/// <summary>One sub-account to supervise: its id, venue and the venue protocol bound to its credentials.</summary>
public sealed record AccountDefinition(string Id, IVenueProtocol Protocol)
{
    /// <summary>The account's signed REST snapshot, for reconciliation after every (re)connect; null for pushes only.</summary>
    public ISnapshotClient? Snapshots { get; init; }

    /// <summary>
    /// A hash of everything that defines the account's connection (venue, id, endpoints, broker, credentials), so a
    /// configuration reload can tell an unchanged account from one to replace without keeping the secrets around to
    /// compare; null when the definition was not read from configuration.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The venue's name.</summary>
    public string Venue => Protocol.Venue;

    /// <summary>The actor name, <c>account-{venue}-{id}</c>.</summary>
    public string ActorName => ActorNameFor(Venue, Id);

    /// <summary>The actor name of an account.</summary>
    public static string ActorNameFor(string venue, string id) => $"account-{venue}-{id}";
}
