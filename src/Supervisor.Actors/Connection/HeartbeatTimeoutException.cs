namespace Supervisor.Actors.Connection;

/// <summary>The venue missed the pong deadline or the stream went silent: the connection is dead, not merely quiet.</summary>
public sealed class HeartbeatTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HeartbeatTimeoutException(string message)
        : base(message)
    {
    }
}
