namespace Supervisor.Kernel.Actor;

/// <summary>An actor name that is empty, malformed, reserved, or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidActorNameException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
