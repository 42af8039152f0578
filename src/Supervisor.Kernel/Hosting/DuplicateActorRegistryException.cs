namespace Supervisor.Kernel.Hosting;

/// <summary>A different actor is already registered under the key.</summary>
public sealed class DuplicateActorRegistryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateActorRegistryException(string message)
        : base(message)
    {
    }
}
