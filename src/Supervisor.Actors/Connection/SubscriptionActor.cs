using Akka.Actor;
using Akka.Event;

namespace Supervisor.Actors.Connection;

/// <summary>
/// Holds the channels of one connection: sends their subscribe frames through the parent within the venue's rate
/// limit, tracks the acks, retries rejections and missing acks, and fails after too many (supervision then
/// restarts the connection with backoff, which resubscribes everything). A new instance per connection, so every
/// reconnect resubscribes from scratch.
/// </summary>
public sealed class SubscriptionActor : ReceiveActor, IWithTimers
{
    private const string WindowKey = "window";
    private readonly SubscriptionSettings _settings;
    private readonly Queue<SubscriptionRequest> _toSend = new();
    private readonly Dictionary<string, SubscriptionRequest> _awaitingAck = new(StringComparer.Ordinal);
    private readonly List<string> _sendOrder = [];
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private int _total;
    private int _sentInWindow;
    private bool _windowRunning;

    /// <summary>Starts sending <paramref name="channels"/> at once.</summary>
    public SubscriptionActor(IReadOnlyList<SubscriptionRequest> channels, SubscriptionSettings settings)
    {
        _settings = settings;
        foreach (var channel in channels)
        {
            Enqueue(channel);
        }
        Receive<SubscriptionAcked>(OnAck);
        Receive<SubscriptionRejected>(r => OnRejected(r.Key ?? OldestPending(), r.Reason));
        Receive<AckOverdue>(o => OnRejected(o.Key, $"no ack within {_settings.AckTimeout}"));
        Receive<WindowTick>(_ =>
        {
            _sentInWindow = 0;
            SendWhatTheLimitAllows();
        });
        Receive<AddSubscriptions>(add =>
        {
            var added = add.Channels.Count(Enqueue);
            if (added > 0)
            {
                StartWindow();
                SendWhatTheLimitAllows();
            }
        });
        StartWindow();
        SendWhatTheLimitAllows();
        ReportIfComplete();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the subscriptions of one connection.</summary>
    public static Props Props(IReadOnlyList<SubscriptionRequest> channels, SubscriptionSettings settings) =>
        Akka.Actor.Props.Create(() => new SubscriptionActor(channels, settings));

    private bool Enqueue(SubscriptionRequest channel)
    {
        if (!_known.Add(channel.Key))
        {
            return false;
        }
        _toSend.Enqueue(channel);
        _total++;
        return true;
    }

    private void StartWindow()
    {
        if (!_windowRunning)
        {
            _windowRunning = true;
            Timers.StartPeriodicTimer(WindowKey, new WindowTick(), _settings.Window);
        }
    }

    private void SendWhatTheLimitAllows()
    {
        while (_sentInWindow < _settings.MaxRequestsPerWindow && _toSend.TryDequeue(out var request))
        {
            _sentInWindow++;
            _awaitingAck[request.Key] = request;
            _sendOrder.Add(request.Key);
            Context.Parent.Tell(new SendFrame(request.Frame), Self);
            Timers.StartSingleTimer(AckKey(request.Key), new AckOverdue(request.Key), _settings.AckTimeout);
        }
    }

    private void OnAck(SubscriptionAcked ack)
    {
        if (!_awaitingAck.Remove(ack.Key))
        {
            // A duplicate ack (CoinW acks a duplicate subscribe twice) or one for a channel we did not ask for.
            return;
        }
        _sendOrder.Remove(ack.Key);
        Timers.Cancel(AckKey(ack.Key));
        _acked.Add(ack.Key);
        ReportIfComplete();
    }

    private void OnRejected(string? key, string reason)
    {
        if (key is null || !_awaitingAck.Remove(key, out var request))
        {
            return;
        }
        _sendOrder.Remove(key);
        Timers.Cancel(AckKey(key));
        var count = _rejections[key] = _rejections.GetValueOrDefault(key) + 1;
        if (count >= _settings.MaxRejections)
        {
            throw new SubscriptionRejectedException($"Subscription [{key}] failed {count} times; last reason: {reason}.");
        }
        // Retried from the next window on, so a rate-limit rejection is not answered with another burst.
        _toSend.Enqueue(request);
        _sentInWindow = _settings.MaxRequestsPerWindow;
    }

    private string? OldestPending() => _sendOrder.Count > 0 ? _sendOrder[0] : null;

    private void ReportIfComplete()
    {
        if (_acked.Count == _total && _awaitingAck.Count == 0 && _toSend.Count == 0)
        {
            Context.Parent.Tell(new SubscriptionsComplete(_total), Self);
            Timers.Cancel(WindowKey);
            _windowRunning = false;
        }
    }

    private static string AckKey(string key) => "ack:" + key;

    private sealed record WindowTick;

    private sealed record AckOverdue(string Key);
}
