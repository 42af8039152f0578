namespace Supervisor.Kernel.Actor;

/// <summary>Where an actor cell is in its life.</summary>
internal enum CellState
{
    /// <summary>Waiting for the Create system message.</summary>
    Created,

    /// <summary>Processing messages (possibly suspended after a failure).</summary>
    Alive,

    /// <summary>Restarting: waiting for the children stopped in PreRestart to stop.</summary>
    WaitingForChildrenToRestart,

    /// <summary>Stopping: waiting for the children to stop before PostStop.</summary>
    Terminating,

    /// <summary>Stopped for good; the mailbox is closed.</summary>
    Terminated,
}
