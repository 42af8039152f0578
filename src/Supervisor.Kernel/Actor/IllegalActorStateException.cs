namespace Supervisor.Kernel.Actor;

/// <summary>An operation that is not allowed in the actor's current state, such as stashing the same message twice.</summary>
public sealed class IllegalActorStateException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public IllegalActorStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
