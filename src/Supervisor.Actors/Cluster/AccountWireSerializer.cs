using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The wire format of what a shard region sends between nodes: <see cref="AccountEnvelope"/> and the
/// <see cref="VenueEventsReceived"/> it usually carries. Akka's Newtonsoft default does not round-trip them (a frame's
/// events came back as lists of objects, so nothing was persisted), so each nested message and event is written with
/// the serializer Akka binds to it (the venue events: the journal's <see cref="Serialization.AccountJsonSerializer"/>).
/// Also the queries an account answers through a region on another node (<see cref="GetAccountState"/>,
/// <see cref="Accounts.GetAccountStatus"/>, <see cref="GetJournalLag"/>) and their answers, in System.Text.Json under
/// versioned manifests (<c>account-state.v1</c> …): Newtonsoft could not read <see cref="AccountState"/>'s immutable
/// dictionaries back, so such a question timed out. Bytes that do not read (unknown manifest, truncated, garbage)
/// throw <see cref="SerializationException"/>.
/// </summary>
public sealed class AccountWireSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's id; unique in the actor system, fixed because it travels with every message.</summary>
    public const int Id = 4712;

    /// <summary>The name it is bound under in <c>akka.actor.serializers</c>.</summary>
    public const string Name = "account-wire";

    private const string EnvelopeManifest = "account-envelope.v1";
    private const string EventsManifest = "venue-events-received.v1";

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <summary>Every type this serializer writes, for <c>akka.actor.serialization-bindings</c>.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } = [typeof(AccountEnvelope), typeof(VenueEventsReceived), .. AccountWireJson.Types];

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        AccountEnvelope => EnvelopeManifest,
        VenueEventsReceived => EventsManifest,
        AccountState => AccountWireJson.StateManifest,
        _ when AccountWireJson.Types.Contains(o.GetType()) => AccountWireJson.Manifests.ManifestOf(o),
        _ => throw new ArgumentException($"{o.GetType()} has no account wire format", nameof(o)),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is AccountState state)
        {
            return AccountWireJson.Manifests.Serialize(AccountStateWire.Of(state)).Bytes;
        }
        if (AccountWireJson.Types.Contains(obj.GetType()))
        {
            return AccountWireJson.Manifests.Serialize(obj).Bytes;
        }
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            switch (obj)
            {
                case AccountEnvelope envelope:
                    writer.Write(envelope.EntityId);
                    WriteNested(writer, envelope.Message);
                    break;
                case VenueEventsReceived received:
                    writer.Write(received.ReceivedAt.HasValue);
                    if (received.ReceivedAt is { } at)
                    {
                        writer.Write(at.UtcTicks);
                        writer.Write(at.Offset.Ticks);
                    }
                    writer.Write(received.Events.Count);
                    foreach (var e in received.Events)
                    {
                        WriteNested(writer, e);
                    }
                    break;
                default:
                    throw new ArgumentException($"{obj.GetType()} has no account wire format", nameof(obj));
            }
        }
        return stream.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return Read(bytes, manifest);
        }
        catch (Exception cause) when (cause is not (SerializationException or OutOfMemoryException))
        {
            // Truncated or corrupt bytes surface as whatever the reader tripped on (end of stream, a bad length, a
            // malformed state); the remoting layer and the tests expect a serialization failure that says so.
            throw new SerializationException($"Account wire payload [{manifest}] of {bytes.Length} bytes is not valid: {cause.Message}", cause);
        }
    }

    private object Read(byte[] bytes, string manifest)
    {
        switch (manifest)
        {
            case EnvelopeManifest:
            {
                using var reader = new BinaryReader(new MemoryStream(bytes));
                var envelope = new AccountEnvelope(reader.ReadString(), ReadNested(reader));
                EnsureEnd(reader, manifest);
                return envelope;
            }
            case EventsManifest:
            {
                using var reader = new BinaryReader(new MemoryStream(bytes));
                DateTimeOffset? at = reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero).ToOffset(new TimeSpan(reader.ReadInt64())) : null;
                var events = new object[Length(reader, reader.ReadInt32())];
                for (var i = 0; i < events.Length; i++)
                {
                    events[i] = ReadNested(reader);
                }
                EnsureEnd(reader, manifest);
                return new VenueEventsReceived(events) { ReceivedAt = at };
            }
            case AccountWireJson.StateManifest:
                return ((AccountStateWire)AccountWireJson.Manifests.Deserialize(manifest, bytes)).ToState();
            default:
                // Unknown manifests get the registry's SerializationException.
                return AccountWireJson.Manifests.Deserialize(manifest, bytes);
        }
    }

    // A count or length read from the bytes, checked against what is left, so corrupt bytes cannot ask for a huge array.
    private static int Length(BinaryReader reader, int length)
    {
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return length >= 0 && length <= left ? length : throw new SerializationException($"Length {length} does not fit the {left} bytes left");
    }

    private static void EnsureEnd(BinaryReader reader, string manifest)
    {
        if (reader.BaseStream.Position != reader.BaseStream.Length)
        {
            throw new SerializationException($"Account wire payload [{manifest}] has {reader.BaseStream.Length - reader.BaseStream.Position} bytes after its end");
        }
    }

    private void WriteNested(BinaryWriter writer, object message)
    {
        var serializer = system.Serialization.FindSerializerFor(message);
        var payload = serializer.ToBinary(message);
        writer.Write(serializer.Identifier);
        writer.Write(Akka.Serialization.Serialization.ManifestFor(serializer, message));
        writer.Write(payload.Length);
        writer.Write(payload);
    }

    private object ReadNested(BinaryReader reader)
    {
        var serializerId = reader.ReadInt32();
        var manifest = reader.ReadString();
        var payload = reader.ReadBytes(Length(reader, reader.ReadInt32()));
        return system.Serialization.Deserialize(payload, serializerId, manifest);
    }
}
