namespace Supervisor.Kernel.Persistence.Serialization;

/// <summary>An event or snapshot could not be serialized or deserialized; the message says which and why.</summary>
public sealed class SerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
