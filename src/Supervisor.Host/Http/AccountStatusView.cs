using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;

namespace Supervisor.Host.Http;

/// <summary>One account in <c>GET /api/accounts</c> and in the stream's <c>status</c> events.</summary>
/// <param name="Venue">The venue.</param>
/// <param name="Id">The account id.</param>
/// <param name="Status">What its connection is doing.</param>
/// <param name="Node">The Akka address of the node that holds it.</param>
/// <param name="LastProblem">Why its connection last failed, or null.</param>
/// <param name="Reconnects">Reconnects since it started on that node.</param>
/// <param name="AuthFailures">Rejected logins since it started.</param>
/// <param name="LastEventAt">When it last received venue events.</param>
/// <param name="Events">Venue events received since it started.</param>
/// <param name="JournalLag">How far its journal trails the venue; null if the state actor did not answer in time (or in the stream).</param>
internal sealed record AccountStatusView(
    string Venue,
    string Id,
    ConnectionStatus Status,
    string Node,
    string? LastProblem,
    int Reconnects,
    int AuthFailures,
    DateTimeOffset? LastEventAt,
    long Events,
    JournalLagView? JournalLag)
{
    public static AccountStatusView Of(LocatedStatus located, JournalLag? lag)
    {
        var s = located.Status;
        return new(s.Venue, s.AccountId, s.Connection, located.Node, s.LastProblem, s.Reconnects, s.AuthFailures, s.LastEventAt, s.Events,
            lag is null ? null : new JournalLagView(lag.Last.TotalMilliseconds, lag.Max.TotalMilliseconds, lag.Writes));
    }
}

/// <summary>Frame received to events persisted, in milliseconds: the latest write's, the largest since start, and how many writes.</summary>
internal sealed record JournalLagView(double LastMs, double MaxMs, long Writes);
