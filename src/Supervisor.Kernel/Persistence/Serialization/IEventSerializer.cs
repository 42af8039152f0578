namespace Supervisor.Kernel.Persistence.Serialization;

/// <summary>Turns events and snapshots into bytes with a manifest, and back.</summary>
/// <remarks>
/// Called from many threads at once: by every writer, by concurrent replays, and by two threads within one SQL
/// journal replay. Implementations must be thread-safe.
/// </remarks>
public interface IEventSerializer
{
    /// <summary>The manifest and bytes of <paramref name="payload"/>.</summary>
    /// <exception cref="SerializationException">The type is not registered or cannot be written; the journal rejects the write.</exception>
    (string Manifest, byte[] Bytes) Serialize(object payload);

    /// <summary>The object stored under <paramref name="manifest"/>.</summary>
    /// <exception cref="SerializationException">The manifest is unknown or the bytes are corrupt.</exception>
    object Deserialize(string manifest, ReadOnlySpan<byte> bytes);
}
