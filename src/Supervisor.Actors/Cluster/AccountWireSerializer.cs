using Akka.Actor;
using Akka.Serialization;
using Supervisor.Actors.Connection;

namespace Supervisor.Actors.Cluster;

/// <summary>
/// The wire format of what a shard region sends between nodes: <see cref="AccountEnvelope"/> and the
/// <see cref="VenueEventsReceived"/> it usually carries. Akka's Newtonsoft default does not round-trip them (a frame's
/// events came back as lists of objects, so nothing was persisted), so each nested message and event is written with
/// the serializer Akka binds to it (the venue events: the journal's <see cref="Serialization.AccountJsonSerializer"/>).
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

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        AccountEnvelope => EnvelopeManifest,
        VenueEventsReceived => EventsManifest,
        _ => throw new ArgumentException($"{o.GetType()} has no account wire format", nameof(o)),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
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
        using var reader = new BinaryReader(new MemoryStream(bytes));
        switch (manifest)
        {
            case EnvelopeManifest:
                return new AccountEnvelope(reader.ReadString(), ReadNested(reader));
            case EventsManifest:
                DateTimeOffset? at = reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero).ToOffset(new TimeSpan(reader.ReadInt64())) : null;
                var events = new object[reader.ReadInt32()];
                for (var i = 0; i < events.Length; i++)
                {
                    events[i] = ReadNested(reader);
                }
                return new VenueEventsReceived(events) { ReceivedAt = at };
            default:
                throw new System.Runtime.Serialization.SerializationException($"Unknown account wire manifest '{manifest}'");
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
        var payload = reader.ReadBytes(reader.ReadInt32());
        return system.Serialization.Deserialize(payload, serializerId, manifest);
    }
}
