namespace Supervisor.Kernel.Persistence;

/// <summary>A persistent actor with one method for commands and one for recovery.</summary>
public abstract class UntypedPersistentActor : Eventsourced
{
    /// <summary>Handles a command; call <c>Unhandled</c> for what it does not handle.</summary>
    protected abstract void OnCommand(object message);

    /// <summary>Handles a replayed event, a <see cref="SnapshotOffer"/> or <see cref="RecoveryCompleted"/>.</summary>
    protected abstract void OnRecover(object message);

    /// <inheritdoc />
    protected sealed override bool ReceiveCommand(object message)
    {
        OnCommand(message);
        return true;
    }

    /// <inheritdoc />
    protected sealed override bool ReceiveRecover(object message)
    {
        OnRecover(message);
        return true;
    }
}
