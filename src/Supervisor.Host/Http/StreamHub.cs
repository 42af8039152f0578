using Akka.Actor;

namespace Supervisor.Host.Http;

/// <summary>
/// The <c>/api/stream</c> clients of this process, at most <see cref="HttpSettings.MaxStreams"/>. While any is
/// connected, one <see cref="StreamSubscriber"/> hands them every <c>AccountStateChanged</c> of this node, and one loop
/// asks for every account's status each <see cref="HttpSettings.StreamStatusInterval"/> and hands them the statuses
/// that changed. Statuses are polled because the account actors publish no status events (their reconnects, problems
/// and auth failures live in the account actor only); polling through <see cref="AccountStatusQuery"/> also covers the
/// accounts of every cluster node, where the event stream covers only this one.
/// </summary>
internal sealed class StreamHub(ActorSystem system, AccountStatusQuery query, HttpSettings settings, TimeProvider time) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<StreamClient> _clients = [];
    private readonly Dictionary<string, AccountStatusView> _statuses = new(StringComparer.Ordinal);
    private IActorRef? _subscriber;
    private CancellationTokenSource? _polling;

    /// <summary>Clients connected now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>A new client, or null when <see cref="HttpSettings.MaxStreams"/> are connected.</summary>
    public StreamClient? TryJoin()
    {
        lock (_lock)
        {
            if (_clients.Count >= settings.MaxStreams)
            {
                return null;
            }
            var client = new StreamClient(settings.StreamBuffer);
            _clients.Add(client);
            if (_clients.Count == 1)
            {
                _subscriber = system.ActorOf(StreamSubscriber.Props(this));
                _polling = new CancellationTokenSource();
                _ = PollAsync(_polling.Token);
            }
            return client;
        }
    }

    /// <summary>The client disconnected (or was dropped).</summary>
    public void Leave(StreamClient client)
    {
        lock (_lock)
        {
            if (_clients.Remove(client) && _clients.Count == 0)
            {
                Stop();
            }
        }
    }

    /// <summary>Hands <paramref name="item"/> to every client.</summary>
    public void Offer(StreamItem item)
    {
        StreamClient[] clients;
        lock (_lock)
        {
            clients = [.. _clients];
        }
        foreach (var client in clients)
        {
            client.Offer(item);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Stop();
        }
    }

    private void Stop()
    {
        _subscriber?.Tell(PoisonPill.Instance);
        _subscriber = null;
        _polling?.Cancel();
        _polling?.Dispose();
        _polling = null;
        _statuses.Clear();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.StreamStatusInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                AccountStatusReport report;
                try
                {
                    report = await query.AskAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AskTimeoutException or InvalidOperationException)
                {
                    // The root is stopping or not up yet; the next tick asks again.
                    continue;
                }
                foreach (var status in report.Accounts.Select(a => AccountStatusView.Of(a, null)))
                {
                    var key = status.Venue + "|" + status.Id;
                    bool changed;
                    lock (_lock)
                    {
                        changed = !_statuses.TryGetValue(key, out var last) || last != status;
                        _statuses[key] = status;
                    }
                    if (changed)
                    {
                        Offer(StreamItem.Status(status));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The last client left.
        }
        catch (ObjectDisposedException)
        {
            // Stopped while a question was out.
        }
    }
}
