using Akka.Actor;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Cluster.Tests;

public sealed class AccountWireSerializerTests : IAsyncLifetime
{
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        // The bindings WithAccountSerializer and WithAccountShards make: the journal's serializer for venue events,
        // the wire serializer for envelopes and frames.
        _system = ActorSystem.Create("wire", $$"""
            akka.actor.serializers { account-json = "{{typeof(Supervisor.Actors.Serialization.AccountJsonSerializer).AssemblyQualifiedName}}", account-wire = "{{typeof(AccountWireSerializer).AssemblyQualifiedName}}" }
            akka.actor.serialization-bindings {
              "{{typeof(VenueEvent).AssemblyQualifiedName}}" = account-json
              "{{typeof(AccountEnvelope).AssemblyQualifiedName}}" = account-wire
              "{{typeof(VenueEventsReceived).AssemblyQualifiedName}}" = account-wire
            }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void An_envelope_of_venue_events_comes_back_with_the_same_events()
    {
        var balance = new AssetBalanceChanged("coinw", "USDT", 100.5m, 2m, 0.25m);
        var at = new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.FromHours(2));
        var envelope = AccountEnvelope.For("coinw", "sub-1", new VenueEventsReceived([balance]) { ReceivedAt = at });

        var back = Assert.IsType<AccountEnvelope>(RoundTrip(envelope));

        Assert.Equal("coinw|sub-1", back.EntityId);
        var received = Assert.IsType<VenueEventsReceived>(back.Message);
        Assert.Equal(balance, Assert.Single(received.Events));
        Assert.Equal(at, received.ReceivedAt);
        Assert.Equal(at.Offset, received.ReceivedAt!.Value.Offset);
    }

    [Fact]
    public void An_envelope_of_another_message_keeps_that_message()
    {
        var back = Assert.IsType<AccountEnvelope>(RoundTrip(AccountEnvelope.For("chainup", "sub-2", new GetAccountState())));

        Assert.Equal("chainup|sub-2", back.EntityId);
        Assert.IsType<GetAccountState>(back.Message);
    }

    private object RoundTrip(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<AccountWireSerializer>(serializer);
        return _system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }
}
