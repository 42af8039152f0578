using Supervisor.Actors.Accounts;

namespace Supervisor.Host.Http;

/// <summary>Every account's status with the node that reported it, and how each node answered.</summary>
/// <param name="Accounts">The statuses, ordered by venue, then account.</param>
/// <param name="Nodes">Each node asked; one that did not answer in time is listed with <see cref="NodeAnswer.Answered"/> false.</param>
internal sealed record AccountStatusReport(IReadOnlyList<LocatedStatus> Accounts, IReadOnlyList<NodeAnswer> Nodes);

/// <summary>An account's status and the address of the node that holds it.</summary>
internal sealed record LocatedStatus(AccountStatus Status, string Node);

/// <summary>How one node answered a status question.</summary>
/// <param name="Address">The node's Akka address.</param>
/// <param name="Answered">False if it did not answer within the ask timeout (its accounts are then missing from the report).</param>
/// <param name="Accounts">Accounts it reported.</param>
/// <param name="Error">Why it did not answer, or null.</param>
internal sealed record NodeAnswer(string Address, bool Answered, int Accounts, string? Error);
