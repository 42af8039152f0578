using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using System.Runtime.Serialization;

namespace Supervisor.Actors.Serialization;

/// <summary>
/// System.Text.Json with a manifest per type (thread-safe: Akka calls it from every writer and replay at once), such as <c>asset-changed.v1</c>. Types are registered with their
/// source-generated <see cref="JsonTypeInfo"/>, so no reflection runs on the hot path. A type that grows a field
/// keeps its manifest: old payloads still read (the new field takes its default). A breaking change gets a new
/// manifest version and the old one stays registered, mapped to a type that can still read it. Decimals are
/// written as JSON numbers with every digit, so they round-trip exactly.
/// </summary>
public sealed class ManifestRegistry
{
    private readonly FrozenDictionary<Type, Registration> _byType;
    private readonly FrozenDictionary<string, Registration> _byManifest;

    private ManifestRegistry(IEnumerable<Registration> registrations)
    {
        var list = registrations.ToList();
        _byManifest = list.ToFrozenDictionary(r => r.Manifest, StringComparer.Ordinal);
        // Several manifests may read into one type (old versions); the type writes its newest one, registered last.
        var byType = new Dictionary<Type, Registration>();
        foreach (var registration in list)
        {
            byType[registration.TypeInfo.Type] = registration;
        }
        _byType = byType.ToFrozenDictionary();
    }

    /// <summary>Starts a registry.</summary>
    public static Builder Create() => new();

    /// <summary>The manifest <paramref name="payload"/> is written under.</summary>
    /// <exception cref="SerializationException">The type is not registered.</exception>
    public string ManifestOf(object payload) => RegistrationOf(payload).Manifest;

    /// <summary>The manifest and bytes of <paramref name="payload"/>.</summary>
    /// <exception cref="SerializationException">The type is not registered or cannot be written; the journal rejects the write.</exception>
    public (string Manifest, byte[] Bytes) Serialize(object payload)
    {
        var registration = RegistrationOf(payload);
        try
        {
            return (registration.Manifest, JsonSerializer.SerializeToUtf8Bytes(payload, registration.TypeInfo));
        }
        catch (Exception cause) when (cause is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SerializationException($"Cannot serialize {payload.GetType().Name} as [{registration.Manifest}]: {cause.Message}", cause);
        }
    }

    /// <summary>The object stored under <paramref name="manifest"/>.</summary>
    /// <exception cref="SerializationException">The manifest is unknown or the bytes are corrupt; a recovery fails rather than skip it.</exception>
    public object Deserialize(string manifest, ReadOnlySpan<byte> bytes)
    {
        if (!_byManifest.TryGetValue(manifest, out var registration))
        {
            throw new SerializationException($"Unknown manifest [{manifest}]: no type is registered to read it.");
        }
        try
        {
            return JsonSerializer.Deserialize(bytes, registration.TypeInfo)
                ?? throw new SerializationException($"Payload of [{manifest}] is JSON null.");
        }
        catch (JsonException cause)
        {
            throw new SerializationException($"Payload of [{manifest}] is not valid: {cause.Message}", cause);
        }
    }

    private Registration RegistrationOf(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return _byType.TryGetValue(payload.GetType(), out var registration)
            ? registration
            : throw new SerializationException($"No manifest is registered for {payload.GetType().FullName}; register it with ManifestRegistry.Create().Register(...).");
    }

    /// <summary>Collects registrations.</summary>
    public sealed class Builder
    {
        private readonly List<Registration> _registrations = [];

        /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>.</summary>
        public Builder Register<T>(string manifest, JsonTypeInfo<T> typeInfo)
        {
            ArgumentException.ThrowIfNullOrEmpty(manifest);
            ArgumentNullException.ThrowIfNull(typeInfo);
            if (_registrations.Exists(r => r.Manifest == manifest))
            {
                throw new ArgumentException($"Manifest [{manifest}] is registered twice.", nameof(manifest));
            }
            _registrations.Add(new Registration(manifest, typeInfo));
            return this;
        }

        /// <summary>The serializer.</summary>
        public ManifestRegistry Build() => new(_registrations);
    }

    private sealed record Registration(string Manifest, JsonTypeInfo TypeInfo);
}
