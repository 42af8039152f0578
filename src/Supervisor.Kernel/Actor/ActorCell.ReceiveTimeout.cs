using ReceiveTimeoutMessage = Supervisor.Kernel.Actor.ReceiveTimeout;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable? _receiveTimeoutTask;
    private int _receiveTimeoutGeneration;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } value && (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }
        _receiveTimeout = timeout;
        RescheduleReceiveTimeout();
    }

    private void AfterUserMessage(object message)
    {
        if (_receiveTimeout is not null && message is not INotInfluenceReceiveTimeout)
        {
            RescheduleReceiveTimeout();
        }
    }

    private void RescheduleReceiveTimeout()
    {
        CancelReceiveTimeout();
        if (_receiveTimeout is { } timeout && _state == CellState.Alive)
        {
            _receiveTimeoutTask = System.Scheduler.ScheduleTellOnceCancelable(
                timeout, SelfRef, new ReceiveTimeoutTick(_receiveTimeoutGeneration), ActorRefs.NoSender);
        }
    }

    private void CancelReceiveTimeout()
    {
        // A new generation makes a tick that is already queued stale.
        _receiveTimeoutGeneration++;
        _receiveTimeoutTask?.Cancel();
        _receiveTimeoutTask = null;
    }

    private void OnReceiveTimeoutTick(ReceiveTimeoutTick tick)
    {
        if (tick.Generation != _receiveTimeoutGeneration || _receiveTimeout is null)
        {
            return;
        }
        _currentEnvelope = new Envelope(ReceiveTimeoutMessage.Instance, null);
        ReceiveMessage(ReceiveTimeoutMessage.Instance);
        RescheduleReceiveTimeout();
    }
}
