using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Dispatch;
using Supervisor.Kernel.Event;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// The runtime side of one actor: its mailbox, current instance, behaviour stack, children and watches.
/// Everything here runs on the actor's turn (one thread at a time, see <see cref="Mailbox"/>) except the
/// children table, which <see cref="ActorSystem.ActorOf"/> may touch from any thread and is locked.
/// Split into partials by concern.
/// </summary>
internal sealed partial class ActorCell : IActorContext, IMailboxOwner
{
    [ThreadStatic]
    private static ActorCell? t_current;

    [ThreadStatic]
    private static ActorCell? t_creating;

    private readonly InternalActorRef _parent;
    private ActorBase? _actor;
    private Envelope _currentEnvelope;
    private long _messageSequence;
    private readonly List<Receive> _behaviors = new(1);
    private CellState _state = CellState.Created;
    private SupervisorStrategy? _strategy;
    private int _incarnation;

    public ActorCell(ActorSystem system, ActorPath path, Props props, InternalActorRef parent, Mailbox mailbox)
    {
        System = system;
        Props = props;
        _parent = parent;
        Mailbox = mailbox;
        SelfRef = new LocalActorRef(path, this);
        mailbox.SetOwner(this);
    }

    /// <summary>The cell whose message is being processed on this thread, if any.</summary>
    internal static ActorCell? Current => t_current;

    /// <summary>The cell whose actor is being constructed on this thread, if any.</summary>
    internal static ActorCell? Creating => t_creating;

    public ActorSystem System { get; }

    public Props Props { get; }

    public Mailbox Mailbox { get; }

    public LocalActorRef SelfRef { get; }

    public IActorRef Self => SelfRef;

    public IActorRef Parent => _parent;

    public IActorRef Sender => _currentEnvelope.Sender ?? System.DeadLetters;

    /// <summary>Increases for every user message; the stash uses it to refuse stashing one message twice.</summary>
    internal long MessageSequence => _messageSequence;

    internal Envelope CurrentEnvelope => _currentEnvelope;

    /// <summary>Makes <see cref="Sender"/> report <paramref name="sender"/> for the rest of this turn (persist handlers see their command's sender).</summary>
    internal void SetCurrentSender(IActorRef? sender) => _currentEnvelope = new Envelope(_currentEnvelope.Message, sender);

    internal ActorBase? Instance => _actor;

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_behaviors.Count > 0)
        {
            _behaviors[^1] = receive;
        }
        else
        {
            _behaviors.Add(receive);
        }
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Add(receive);
    }

    public void UnbecomeStacked()
    {
        // The initial behaviour is never popped, as in Akka.
        if (_behaviors.Count > 1)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
    }

    void IMailboxOwner.Invoke(in Envelope envelope)
    {
        var previous = t_current;
        t_current = this;
        _currentEnvelope = envelope;
        _messageSequence++;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(envelope);
            }
            else
            {
                ReceiveMessage(envelope.Message);
                AfterUserMessage(envelope.Message);
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause, envelope.Message);
        }
        finally
        {
            t_current = previous;
        }
    }

    void IMailboxOwner.InvokeSystem(SystemMessage message)
    {
        var previous = t_current;
        t_current = this;
        try
        {
            switch (message)
            {
                case Create:
                    CreateFirstInstance();
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    SuspendSelfAndChildren(exceptFor: null);
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleChildFailure(failed);
                    break;
                case AsyncHandlerCompleted completed:
                    AsyncHandlerFinished(completed);
                    break;
                default:
                    Debug.Fail($"unknown system message {message}");
                    break;
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause, failedMessage: null);
        }
        finally
        {
            t_current = previous;
        }
    }

    void IMailboxOwner.DeliverToDeadLetters(in Envelope envelope)
    {
        // Internal timer ticks and dead letters themselves are dropped: re-publishing a dead letter to a
        // stopped subscriber would loop.
        if (envelope.Message is TimerMessage or ReceiveTimeoutTick or AllDeadLetters)
        {
            return;
        }
        System.DeadLettersRef.Tell(new DeadLetter(envelope.Message, envelope.Sender ?? System.DeadLetters, Self), envelope.Sender);
    }

    void IMailboxOwner.SystemMessageAfterClose(SystemMessage message)
    {
        if (message is Watch watch && ReferenceEquals(watch.Watchee, SelfRef))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(SelfRef, ExistenceConfirmed: false));
        }
    }

    private void ReceiveMessage(object message)
    {
        Debug.Assert(_actor is not null && _behaviors.Count > 0);
        if (!_actor.AroundReceive(_behaviors[^1], message))
        {
            _actor.InvokeUnhandled(message);
        }
    }

    private void AutoReceiveMessage(in Envelope envelope)
    {
        switch (envelope.Message)
        {
            case TimerMessage timer:
                if (_actor is IWithTimers { Timers: TimerScheduler timers } && timers.TryAccept(timer, out var timed))
                {
                    _currentEnvelope = new Envelope(timed, envelope.Sender);
                    ReceiveMessage(timed);
                    AfterUserMessage(timed);
                }
                break;
            case ReceiveTimeoutTick tick:
                OnReceiveTimeoutTick(tick);
                break;
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            default:
                ReceiveMessage(envelope.Message);
                AfterUserMessage(envelope.Message);
                break;
        }
    }

    private ActorBase NewActorInstance()
    {
        var previous = t_creating;
        t_creating = this;
        _incarnation++;
        try
        {
            var actor = Props.Factory() ?? throw new ActorInitializationException(Self, $"The props factory for {Self} returned null.");
            _behaviors.Clear();
            _behaviors.Add(actor.ReceiveEntry);
            _strategy = null;
            return actor;
        }
        finally
        {
            t_creating = previous;
        }
    }

    /// <summary>The strategy this actor applies to its children, fixed per incarnation.</summary>
    private SupervisorStrategy CurrentStrategy =>
        _strategy ??= Props.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal() ?? SupervisorStrategy.DefaultStrategy;

    internal ILogger CreateLogger() => System.CreateActorLogger(Self.Path.ToString(), _actor?.GetType() ?? Props.ActorType);
}
