namespace Supervisor.Kernel.Persistence;

/// <summary>Recovery received no snapshot or event within the recovery-event timeout.</summary>
public sealed class RecoveryTimedOutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecoveryTimedOutException(string message)
        : base(message)
    {
    }
}
