using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Persistence;

/// <summary>A persistent actor whose command and recovery handlers are registered in the constructor.</summary>
public abstract class ReceivePersistentActor : Eventsourced
{
    private readonly ReceiveHandlers _recover = new();
    private readonly ReceiveHandlers _commands = new();
    private ReceiveHandlers? _configuring;

    /// <summary>Starts collecting handlers.</summary>
    protected ReceivePersistentActor()
    {
        _configuring = _commands;
    }

    /// <inheritdoc />
    protected sealed override bool ReceiveRecover(object message) => _recover.Handle(message);

    /// <inheritdoc />
    protected sealed override bool ReceiveCommand(object message)
    {
        _configuring = null;
        return _commands.Handle(message);
    }

    /// <summary>Handles replayed events (and <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler) => _recover.Add(handler, null);

    /// <summary>Handles every replayed message not handled by an earlier recovery handler.</summary>
    protected void RecoverAny(Action<object> handler) => _recover.AddAny(handler);

    /// <summary>Handles commands of type <typeparamref name="T"/> (matching <paramref name="shouldHandle"/>, if given).</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Commands.Add(handler, shouldHandle);

    /// <summary>Handles commands of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Command<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Commands.Add(handler, shouldHandle);
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Command<T>(Func<T, bool> handler) => Commands.Add(handler);

    /// <summary>Handles commands of type <typeparamref name="T"/> asynchronously (no other message runs until the task ends).</summary>
    protected void CommandAsync<T>(Func<T, Task> handler) => Commands.AddAsync(Cell, handler, null);

    /// <summary>Handles every command not handled by an earlier handler.</summary>
    protected void CommandAny(Action<object> handler) => Commands.AddAny(handler);

    /// <summary>Replaces the command handlers with those <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(HandlerConfiguration.Collect(configure, ref _configuring));

    private ReceiveHandlers Commands => _configuring
        ?? throw new InvalidOperationException("Command handlers can only be registered in the constructor or inside Become.");
}
