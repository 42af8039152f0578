using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Dispatch;
using Supervisor.Kernel.Event;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// <c>/deadLetters</c>: publishes what it receives as <see cref="DeadLetter"/> and logs the first
/// <see cref="ActorSystemSetup.LogDeadLetters"/> of them. Never throws.
/// </summary>
internal sealed class DeadLetterActorRef : InternalActorRef
{
    private readonly ActorSystem _system;
    private readonly ILogger _log;
    private int _logged;

    public DeadLetterActorRef(ActorSystem system, ActorPath path, ILogger log)
    {
        _system = system;
        Path = path;
        _log = log;
    }

    public override ActorPath Path { get; }

    public override bool IsTerminated => false;

    internal override ActorSystem System => _system;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            ThrowHelper.ThrowNullMessage();
        }
        var deadLetter = message as DeadLetter ?? new DeadLetter(message, sender ?? this, this);
        _system.EventStream.Publish(deadLetter);
        LogDeadLetter(deadLetter);
    }

    internal override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false));
        }
    }

    private void LogDeadLetter(DeadLetter deadLetter)
    {
        var limit = _system.Settings.LogDeadLetters;
        if (limit == 0 || deadLetter.Message is PoisonPill)
        {
            return;
        }
        var count = Interlocked.Increment(ref _logged);
        if (count > limit)
        {
            return;
        }
        var muted = count == limit ? " No more dead letters will be logged (kernel.log-dead-letters)." : "";
        _log.LogInformation(
            "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters encountered.{Muted}",
            deadLetter.Message.GetType().Name, deadLetter.Sender, deadLetter.Recipient, count, muted);
    }
}
