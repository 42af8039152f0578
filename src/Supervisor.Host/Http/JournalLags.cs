using Akka.Actor;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.State;

namespace Supervisor.Host.Http;

/// <summary>
/// The accounts' journal lags for <c>GET /api/accounts</c>, as of their last answer. A state actor answers the lag
/// question only after the writes queued before it, so an account busy with a backlog answers late; asking inside the
/// request made the whole list wait for the slowest account (p50 about 1 s with 200 accounts trading on a loaded
/// machine). The list reads what is known and, at most once a second, sets off a fresh round in the background.
/// </summary>
internal sealed class JournalLags(HttpSettings settings, TimeProvider time)
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private Dictionary<(string Venue, string Id), JournalLag> _latest = [];
    private DateTimeOffset _askedAt = DateTimeOffset.MinValue;
    private Task _asking = Task.CompletedTask;

    /// <summary>The last known lag of the account, or null if it has not answered yet.</summary>
    public JournalLag? Of(AccountStatus status)
    {
        lock (_lock)
        {
            return _latest.GetValueOrDefault((status.Venue, status.AccountId));
        }
    }

    /// <summary>Asks every account of <paramref name="accounts"/> again, unless a round runs or ran within the last second.</summary>
    /// <returns>The round (finished already when none was started), for a caller that wants to wait for it.</returns>
    public Task Refresh(IActorRef root, IReadOnlyList<LocatedStatus> accounts)
    {
        lock (_lock)
        {
            if (!_asking.IsCompleted || time.GetUtcNow() - _askedAt < MinInterval)
            {
                return _asking;
            }
            _askedAt = time.GetUtcNow();
            return _asking = AskAsync(root, accounts);
        }
    }

    private async Task AskAsync(IActorRef root, IReadOnlyList<LocatedStatus> accounts)
    {
        var answers = await Task.WhenAll(accounts.Select(async a =>
        {
            try
            {
                var lag = await root.Ask<JournalLag>(new ForAccount(a.Status.Venue, a.Status.AccountId, new GetJournalLag()), settings.AskTimeout).ConfigureAwait(false);
                return (a.Status.Venue, a.Status.AccountId, Lag: (JournalLag?)lag);
            }
            catch (Exception e) when (e is AskTimeoutException or KeyNotFoundException)
            {
                return (a.Status.Venue, a.Status.AccountId, Lag: null);
            }
        })).ConfigureAwait(false);
        lock (_lock)
        {
            // An account that did not answer this time keeps its previous figure; one no longer listed is dropped.
            var next = new Dictionary<(string, string), JournalLag>();
            foreach (var (venue, id, lag) in answers)
            {
                if ((lag ?? _latest.GetValueOrDefault((venue, id))) is { } known)
                {
                    next[(venue, id)] = known;
                }
            }
            _latest = next;
        }
    }
}
