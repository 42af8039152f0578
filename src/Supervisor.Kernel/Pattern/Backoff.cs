using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Pattern;

/// <summary>Entry points for <see cref="BackoffOptions"/>.</summary>
public static class Backoff
{
    /// <summary>Re-create the child with exponential backoff whenever it stops.</summary>
    /// <param name="childProps">The child's props.</param>
    /// <param name="childName">The child's name.</param>
    /// <param name="minBackoff">The first delay; must be positive.</param>
    /// <param name="maxBackoff">The cap before jitter; at least <paramref name="minBackoff"/>.</param>
    /// <param name="randomFactor">Jitter: each delay is multiplied by 1 + random[0,1) × this; between 0 and 1.</param>
    /// <param name="maxNrOfRetries">Restarts before the supervisor gives up and stops; -1 for unlimited.</param>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor) { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>Re-create the child with exponential backoff when it fails (instead of restarting it in place).</summary>
    /// <inheritdoc cref="OnStop" path="/param"/>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor) { MaxNrOfRetries = maxNrOfRetries };
}
