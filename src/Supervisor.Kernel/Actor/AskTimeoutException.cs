namespace Supervisor.Kernel.Actor;

/// <summary>An ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AskTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
