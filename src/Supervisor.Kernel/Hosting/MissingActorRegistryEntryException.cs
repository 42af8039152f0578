namespace Supervisor.Kernel.Hosting;

/// <summary>No actor is registered under the requested key.</summary>
public sealed class MissingActorRegistryEntryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MissingActorRegistryEntryException(string message)
        : base(message)
    {
    }
}
