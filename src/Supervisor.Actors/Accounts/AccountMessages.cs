using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Accounts;

/// <summary>Asks an account (or the root, for all) for its <see cref="AccountStatus"/>.</summary>
public sealed record GetAccountStatus;

/// <summary>What an account's connection is doing.</summary>
public sealed record AccountStatus(
    string AccountId,
    string Venue,
    ConnectionStatus Connection,
    int Reconnects,
    int AuthFailures,
    string? LastProblem,
    DateTimeOffset? LastEventAt,
    long Events);

/// <summary>Adds an account at run time; the root replies <see cref="AccountAdded"/> or <see cref="AccountRejected"/>.</summary>
public sealed record AddAccount(AccountDefinition Account);

/// <summary>Removes an account at run time; the root replies <see cref="AccountRemoved"/>.</summary>
public sealed record RemoveAccount(string Venue, string AccountId);

/// <summary>
/// Replaces a supervised account with a new definition (credentials or endpoint changed): the old one is stopped
/// first and the new one started once it has; the root replies <see cref="AccountReplaced"/> (or
/// <see cref="AccountAdded"/> when there was none, <see cref="AccountRejected"/> when it cannot start).
/// </summary>
public sealed record ReplaceAccount(AccountDefinition Account);

/// <summary>The account runs with its new definition.</summary>
public sealed record AccountReplaced(string Venue, string AccountId);

/// <summary>The account was added.</summary>
public sealed record AccountAdded(string Venue, string AccountId);

/// <summary>The account could not be added.</summary>
public sealed record AccountRejected(string Venue, string AccountId, string Reason);

/// <summary>The account was removed (or did not exist).</summary>
public sealed record AccountRemoved(string Venue, string AccountId, bool Existed);

/// <summary>Asks the root for every account's status; the reply is <see cref="AccountStatuses"/>.</summary>
public sealed record GetAccountStatuses;

/// <summary>Every account's status.</summary>
public sealed record AccountStatuses(IReadOnlyList<AccountStatus> Accounts)
{
    /// <summary>The statuses that came (null: an account that did not answer), ordered by venue, then account.</summary>
    public static AccountStatuses Ordered(IEnumerable<AccountStatus?> statuses) =>
        new([.. statuses.OfType<AccountStatus>().OrderBy(s => s.Venue, StringComparer.Ordinal).ThenBy(s => s.AccountId, StringComparer.Ordinal)]);
}

/// <summary>Delivers <paramref name="Message"/> to one account (replies come from it); unknown accounts get a <see cref="Akka.Actor.Status.Failure"/>.</summary>
public sealed record ForAccount(string Venue, string AccountId, object Message);
