namespace Supervisor.Host.Http;

/// <summary>
/// Which accounts are supervised, for the per-account endpoints' 404: the last status report, asked again on a miss
/// at most once a second. Asking an account that does not exist is not harmless in a cluster (the shard region would
/// start, remember and passivate an entity for it), so hostile ids are turned away here, before any actor hears them.
/// </summary>
internal sealed class AccountDirectory(AccountStatusQuery query, TimeProvider time)
{
    private static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private HashSet<(string Venue, string Id)> _known = [];
    private DateTimeOffset _askedAt = DateTimeOffset.MinValue;
    private Task? _asking;

    /// <summary>Whether <paramref name="id"/> on <paramref name="venue"/> is supervised (by any node); also whether any account is on the venue.</summary>
    public async Task<(bool Account, bool Venue)> FindAsync(string venue, string id, CancellationToken cancellationToken)
    {
        if (Lookup(venue, id) is { Account: true } hit)
        {
            return hit;
        }
        await RefreshAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return Lookup(venue, id);
    }

    /// <summary>Records the accounts of a report the API asked for anyway.</summary>
    public void Remember(AccountStatusReport report)
    {
        var known = report.Accounts.Select(a => (a.Status.Venue, a.Status.AccountId)).ToHashSet();
        lock (_lock)
        {
            _known = known;
            _askedAt = time.GetUtcNow();
        }
    }

    private (bool Account, bool Venue) Lookup(string venue, string id)
    {
        lock (_lock)
        {
            return (_known.Contains((venue, id)), _known.Any(k => k.Venue == venue));
        }
    }

    // One question at a time, and none sooner than a second after the last: a flood of unknown ids costs one report a second.
    private Task RefreshAsync()
    {
        lock (_lock)
        {
            if (_asking is { IsCompleted: false } running)
            {
                return running;
            }
            if (time.GetUtcNow() - _askedAt < MinRefresh)
            {
                return Task.CompletedTask;
            }
            _askedAt = time.GetUtcNow();
            return _asking = AskAsync();
        }
    }

    private async Task AskAsync()
    {
        try
        {
            Remember(await query.AskAsync(CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception e) when (e is Akka.Actor.AskTimeoutException or OperationCanceledException or InvalidOperationException)
        {
            // The root is not up yet or is stopping: what was known stays, and the next miss asks again.
        }
    }
}
