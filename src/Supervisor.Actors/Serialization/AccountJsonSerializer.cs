using Akka.Actor;
using Akka.Serialization;
using Supervisor.Actors.State;

namespace Supervisor.Actors.Serialization;

/// <summary>
/// Akka's serializer for everything an account journals and snapshots: System.Text.Json with the versioned
/// manifests of <see cref="StateSerialization"/> (<c>position-changed.v1</c> …) in the journal's <c>manifest</c>
/// column and <see cref="Id"/> in its <c>identifier</c> column, so a row never depends on a CLR type name and no
/// Newtonsoft payload is ever written. Bound to <see cref="Venues.Events.VenueEvent"/> and
/// <see cref="AccountStateSnapshot"/> by <see cref="Hosting.AkkaConfiguration.WithAccountSerializer"/>.
/// </summary>
public sealed class AccountJsonSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer id stored with every row (user ids start above 100).</summary>
    public const int Id = 4711;

    /// <summary>The name it is registered under in <c>akka.actor.serializers</c>.</summary>
    public const string Name = "account-json";

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => StateSerialization.Manifests.Serialize(obj).Bytes;

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest) => StateSerialization.Manifests.Deserialize(manifest, bytes);

    /// <inheritdoc />
    public override string Manifest(object o) => StateSerialization.Manifests.ManifestOf(o);
}
