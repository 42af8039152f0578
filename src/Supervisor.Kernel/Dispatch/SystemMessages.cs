using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Dispatch;

/// <summary>
/// Supervision and lifecycle traffic. These travel in the mailbox's system queue, which is drained
/// before every user message, so a suspend or stop takes effect before the next user message.
/// </summary>
internal abstract record SystemMessage;

/// <summary>Build the first instance.</summary>
internal sealed record Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Restart: the parent decided Restart after <paramref name="Cause"/>.</summary>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>Stop processing user messages until a matching <see cref="Resume"/>.</summary>
internal sealed record Suspend : SystemMessage
{
    public static readonly Suspend Instance = new();
}

/// <summary>Undo one <see cref="Suspend"/>; <paramref name="CausedByFailure"/> is set when the parent decided Resume.</summary>
internal sealed record Resume(Exception? CausedByFailure) : SystemMessage;

/// <summary>Stop for good: children first, then <c>PostStop</c>, then watchers are told.</summary>
internal sealed record Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

/// <summary><paramref name="Watcher"/> wants a <see cref="Terminated"/> when <paramref name="Watchee"/> stops.</summary>
internal sealed record Watch(InternalActorRef Watchee, InternalActorRef Watcher) : SystemMessage;

/// <summary>Undo a <see cref="Watch"/>.</summary>
internal sealed record Unwatch(InternalActorRef Watchee, InternalActorRef Watcher) : SystemMessage;

/// <summary>Sent by a stopped actor to its watchers and its parent.</summary>
internal sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed) : SystemMessage;

/// <summary>A child failed with <paramref name="Cause"/> and is suspended until its parent decides.</summary>
internal sealed record Failed(InternalActorRef Child, Exception Cause) : SystemMessage;

/// <summary>A <c>ReceiveAsync</c> handler finished; the mailbox was held while it ran.</summary>
internal sealed record AsyncHandlerCompleted(Exception? Failure, int Incarnation, object Message) : SystemMessage;
