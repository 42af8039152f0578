namespace Supervisor.Actors.Connection;

/// <summary>A channel was rejected (or not acknowledged) more often than allowed: the connection is failed so supervision can retry it with backoff.</summary>
public sealed class SubscriptionRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubscriptionRejectedException(string message)
        : base(message)
    {
    }
}
