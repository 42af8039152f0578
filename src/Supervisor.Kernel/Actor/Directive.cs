namespace Supervisor.Kernel.Actor;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; the failed message is dropped.</summary>
    Resume,

    /// <summary>Replace the instance; the failed message is dropped, the mailbox kept.</summary>
    Restart,

    /// <summary>Stop the child for good; watchers get <see cref="Terminated"/>.</summary>
    Stop,

    /// <summary>Fail the supervisor with the same exception, so its own parent decides.</summary>
    Escalate,
}
