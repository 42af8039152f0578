using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;

namespace Supervisor.Host.Status;

/// <summary>
/// The one-line summaries of <c>run</c> and <c>demo</c>: totals, then why accounts reconnected since the last line
/// (most frequent reason first) and which accounts are not live now, with their last problem — an operator should
/// not have to guess, nor grep the log, to know what is wrong.
/// </summary>
internal sealed class StatusSummary
{
    private const int MaxReasons = 3;
    private const int MaxDown = 5;
    private Dictionary<string, int> _attemptsBefore = new(StringComparer.Ordinal);

    /// <summary>Describes <paramref name="statuses"/> against the previous call; <paramref name="afterEvents"/> follows the event count.</summary>
    public string Describe(IReadOnlyList<AccountStatus> statuses, int total, string afterEvents = "")
    {
        var live = statuses.Count(s => s.Connection == ConnectionStatus.Live);
        var line = $"live {live}/{total}, reconnects {statuses.Sum(s => s.Reconnects)}, auth failures {statuses.Sum(s => s.AuthFailures)}, events {statuses.Sum(s => s.Events)}{afterEvents}";
        var reasons = statuses
            .Where(s => Attempts(s) > _attemptsBefore.GetValueOrDefault(s.AccountId) && s.LastProblem is not null)
            .GroupBy(s => $"{s.Venue}: {s.LastProblem}")
            .OrderByDescending(g => g.Count())
            .Take(MaxReasons)
            .Select(g => $"{g.Count()}× {g.Key}")
            .ToList();
        if (reasons.Count > 0)
        {
            line += "; why: " + string.Join("; ", reasons);
        }
        var down = statuses.Where(s => s.Connection != ConnectionStatus.Live).ToList();
        if (down.Count > 0)
        {
            line += "; not live: " + string.Join(", ", down.Take(MaxDown).Select(s => $"{s.Venue}/{s.AccountId} {s.Connection}"
                + (s.LastProblem is { } problem ? $" ({problem})" : "")))
                + (down.Count > MaxDown ? $" and {down.Count - MaxDown} more" : "");
        }
        _attemptsBefore = statuses.ToDictionary(s => s.AccountId, Attempts, StringComparer.Ordinal);
        return line;
    }

    private static int Attempts(AccountStatus status) => status.Reconnects + status.AuthFailures;
}
