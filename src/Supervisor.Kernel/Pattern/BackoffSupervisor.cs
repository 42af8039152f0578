using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Pattern;

/// <summary>
/// Keeps one child alive, re-creating it after an exponentially growing, jittered delay (see
/// <see cref="BackoffOptions.DelayFor"/>). Everything it does not understand is forwarded to the child; what the
/// child sends it goes on to its own parent. All delays run on the system scheduler, so virtual time applies.
/// </summary>
public sealed partial class BackoffSupervisor : ActorBase, IWithTimers
{
    private const string ResetTimerKey = "backoff-reset";
    private const string StartTimerKey = "backoff-start";

    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartPending;
    private bool _finalStopRequested;

    /// <summary>Created through <see cref="Props(BackoffOptions)"/>.</summary>
    public BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a backoff supervisor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public static global::Supervisor.Kernel.Actor.Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return global::Supervisor.Kernel.Actor.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <inheritdoc />
    protected override void PreStart() => StartChildNow();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy()
    {
        var strategy = _options.Strategy;
        if (_options.Mode == BackoffMode.OnStop)
        {
            return strategy;
        }
        // OnFailure: a Restart becomes "stop now, re-create after the delay".
        return new OneForOneStrategy(strategy.MaxNumberOfRetries, strategy.WithinTimeRange, cause =>
        {
            var directive = strategy.Decider.Decide(cause);
            if (directive != Directive.Restart)
            {
                return directive;
            }
            _restartPending = true;
            return Directive.Stop;
        }, strategy.LoggingEnabled);
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when ReferenceEquals(terminated.ActorRef, _child):
                ChildStopped();
                return true;
            case StartChild:
                StartChildNow();
                return true;
            case ResetRestartCount reset:
                if (reset.Current == _restartCount)
                {
                    _restartCount = 0;
                }
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child ?? ActorRefs.Nobody), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            case Reset:
                _restartCount = 0;
                return true;
            case Terminated:
                return true;
        }
        if (_child is not null && ReferenceEquals(Sender, _child))
        {
            Context.Parent.Tell(message, Self);
            return true;
        }
        ForwardToChild(message);
        return true;
    }

    private void ForwardToChild(object message)
    {
        if (_child is not null)
        {
            _finalStopRequested |= _options.FinalStopMessage?.Invoke(message) ?? false;
            _child.Forward(message);
        }
        else if (_options.ReplyWhileStopped is { } reply)
        {
            Sender.Tell(reply, Self);
        }
        else
        {
            Context.System.DeadLetters.Tell(message, Sender);
        }
    }

    private void StartChildNow()
    {
        if (_child is not null)
        {
            return;
        }
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.AutoReset is { } resetAfter)
        {
            Timers.StartSingleTimer(ResetTimerKey, new ResetRestartCount(_restartCount), resetAfter);
        }
    }

    private void ChildStopped()
    {
        _child = null;
        var restart = _options.Mode == BackoffMode.OnStop || _restartPending;
        _restartPending = false;
        if (_finalStopRequested || !restart)
        {
            Context.Stop(Self);
            return;
        }
        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Log.LogWarning("{Child} stopped and its {Retries} restarts are used up; stopping its backoff supervisor", _options.ChildName, _options.MaxNrOfRetries);
            Context.Stop(Self);
            return;
        }
        var delay = _options.DelayFor(_restartCount);
        _restartCount++;
        Timers.Cancel(ResetTimerKey);
        Timers.StartSingleTimer(StartTimerKey, new StartChild(), delay);
    }
}
