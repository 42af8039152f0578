using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using Akka.Actor;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Cluster.Tests;

public sealed class AccountWireSerializerTests : IAsyncLifetime
{
    private const string Venue = "chainup";
    private static readonly DateTimeOffset At = new(2026, 12, 2, 1, 2, 3, 456, TimeSpan.FromHours(2));
    // 22 significant digits (ChainUP's mark prices have that many); a double would keep about 16.
    private const decimal LongPrice = 85717.01833333999523920m;
    private const decimal Mark = 86_000.12345678901234567890m;

    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        // The bindings WithAccountSerializer and WithAccountShards make: the journal's serializer for venue events,
        // the wire serializer for envelopes, frames, queries and their answers.
        var wireBindings = string.Join("\n", AccountWireSerializer.BoundTypes.Select(t => $"\"{t.AssemblyQualifiedName}\" = account-wire"));
        _system = ActorSystem.Create("wire", $$"""
            akka.actor.serializers { account-json = "{{typeof(Supervisor.Actors.Serialization.AccountJsonSerializer).AssemblyQualifiedName}}", account-wire = "{{typeof(AccountWireSerializer).AssemblyQualifiedName}}" }
            akka.actor.serialization-bindings {
              "{{typeof(VenueEvent).AssemblyQualifiedName}}" = account-json
              {{wireBindings}}
            }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void An_envelope_of_venue_events_comes_back_with_the_same_events()
    {
        var balance = new AssetBalanceChanged("coinw", "USDT", 100.5m, 2m, 0.25m);
        var envelope = AccountEnvelope.For("coinw", "sub-1", new VenueEventsReceived([balance]) { ReceivedAt = At });

        var back = Assert.IsType<AccountEnvelope>(RoundTrip(envelope));

        Assert.Equal("coinw|sub-1", back.EntityId);
        var received = Assert.IsType<VenueEventsReceived>(back.Message);
        Assert.Equal(balance, Assert.Single(received.Events));
        Assert.Equal(At, received.ReceivedAt);
        Assert.Equal(At.Offset, received.ReceivedAt!.Value.Offset);
    }

    [Fact]
    public void An_envelope_of_another_message_keeps_that_message()
    {
        var back = Assert.IsType<AccountEnvelope>(RoundTrip(AccountEnvelope.For("chainup", "sub-2", new GetAccountState())));

        Assert.Equal("chainup|sub-2", back.EntityId);
        Assert.IsType<GetAccountState>(back.Message);
    }

    [Fact]
    public void The_queries_have_wire_manifests_and_come_back_as_themselves()
    {
        Assert.IsType<GetAccountState>(RoundTrip(new GetAccountState(), "get-account-state.v1"));
        Assert.IsType<GetAccountStatus>(RoundTrip(new GetAccountStatus(), "get-account-status.v1"));
        Assert.IsType<GetJournalLag>(RoundTrip(new GetJournalLag(), "get-journal-lag.v1"));
    }

    [Fact]
    public void Statuses_registry_and_admission_messages_have_wire_manifests_and_come_back_equal()
    {
        Assert.IsType<GetAccountStatuses>(RoundTrip(new GetAccountStatuses(), "get-account-statuses.v1"));
        Assert.IsType<RefreshAccount>(RoundTrip(new RefreshAccount(), "refresh-account.v1"));
        Assert.IsType<GetJoinInfo>(RoundTrip(new GetJoinInfo(), "get-join-info.v1"));
        Assert.Equal(new KeepAccount("coinw|sub-1"), RoundTrip(new KeepAccount("coinw|sub-1"), "keep-account.v1"));

        var statuses = new AccountStatuses([
            new AccountStatus("sub-1", "coinw", ConnectionStatus.Live, 2, 0, null, At, 41),
            new AccountStatus("sub-2", Venue, ConnectionStatus.AuthFailed, 0, 3, "bad key", null, 0)]);
        var back = Assert.IsType<AccountStatuses>(RoundTrip(statuses, "account-statuses.v1"));
        Assert.Equal(statuses.Accounts, back.Accounts);

        var join = new JoinInfo("6969|supervisor", "postgresql db:5432/supervisor", 100, ["akka.tcp://supervisor@node1:4053"]);
        var joinBack = Assert.IsType<JoinInfo>(RoundTrip(join, "join-info.v1"));
        Assert.Equal((join.JournalIdentity, join.Journal, join.Shards), (joinBack.JournalIdentity, joinBack.Journal, joinBack.Shards));
        Assert.Equal(join.ReachableMembers, joinBack.ReachableMembers);
    }

    [Fact]
    public void A_fully_populated_account_state_comes_back_equal()
    {
        var state = PopulatedState();
        // Fully populated: every property differs from a new account's, every optional field of what it holds is set.
        var empty = AccountState.Empty(state.AccountId, state.Venue);
        foreach (var property in StateProperties().Where(p => p.Name is not (nameof(AccountState.AccountId) or nameof(AccountState.Venue))))
        {
            Assert.False(SameValue(property.GetValue(empty), property.GetValue(state)), $"the sample leaves {property.Name} as a new account has it");
        }
        Assert.All(state.Positions.Values.Concat<object>(state.OpenOrders.Values).Concat(state.TriggerOrders.Values).Concat(state.AdlRanks.Values)
            .Append(state.Assets["USDT"]).Append(state.OpenOrders.Values.Single().TakeProfitStopLoss!), AllOptionalFieldsSet);

        var back = Assert.IsType<AccountState>(RoundTrip(state, "account-state.v1"));

        foreach (var property in StateProperties())
        {
            Assert.True(SameValue(property.GetValue(state), property.GetValue(back)),
                $"{property.Name}: sent {Show(property.GetValue(state))}, received {Show(property.GetValue(back))}");
        }
        // Every digit, and the scale: not a double on the way.
        Assert.Equal("86000.12345678901234567890", back.MarkPrices["BTC-USDT"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(LongPrice.ToString(CultureInfo.InvariantCulture), back.Positions["p-1"].EntryPrice.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(state.FeesPaid.ToString(CultureInfo.InvariantCulture), back.FeesPaid.ToString(CultureInfo.InvariantCulture));
        // Timestamps keep their offset, not only their instant.
        Assert.Equal(At.Offset, back.ReconciledAt!.Value.Offset);
        Assert.Equal(At.Offset, back.Positions["p-1"].OpenedAt!.Value.Offset);
        // The ranks keep the market prices a journal snapshot leaves out.
        Assert.Equal(Mark, back.AdlRanks["p-1"].MarkPrice);
        Assert.Equal(state.UnrealizedPnl, back.UnrealizedPnl);
    }

    [Fact]
    public void A_new_account_state_comes_back_equal()
    {
        var state = AccountState.Empty("sub-0", "coinw");

        var back = Assert.IsType<AccountState>(RoundTrip(state, "account-state.v1"));

        foreach (var property in StateProperties())
        {
            Assert.True(SameValue(property.GetValue(state), property.GetValue(back)), property.Name);
        }
    }

    [Fact]
    public void An_account_status_with_every_optional_field_comes_back_equal()
    {
        var status = new AccountStatus("sub-3", Venue, ConnectionStatus.Reconnecting, 4, 1, "socket closed by the venue (1006)", At, 123_456_789_012L);

        var back = Assert.IsType<AccountStatus>(RoundTrip(status, "account-status.v1"));

        Assert.Equal(status, back);
        Assert.Equal(At.Offset, back.LastEventAt!.Value.Offset);
    }

    [Fact]
    public void An_account_status_without_its_optional_fields_comes_back_equal()
    {
        var status = new AccountStatus("sub-4", Venue, ConnectionStatus.Connecting, 0, 0, null, null, 0);

        Assert.Equal(status, RoundTrip(status, "account-status.v1"));
    }

    [Fact]
    public void A_journal_lag_comes_back_equal_to_the_tick()
    {
        var lag = new JournalLag("sub-5", TimeSpan.FromTicks(1_234_567), TimeSpan.FromTicks(98_765_432_109), 42);

        Assert.Equal(lag, RoundTrip(lag, "journal-lag.v1"));
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_exception_that_names_it()
    {
        var serializer = _system.Serialization.FindSerializerFor(new GetAccountState());

        var refused = Assert.Throws<SerializationException>(() => _system.Serialization.Deserialize("{}"u8.ToArray(), serializer.Identifier, "account-state.v9"));

        Assert.Contains("account-state.v9", refused.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Samples() => [.. SampleMessages().Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Truncated_bytes_are_a_serialization_exception(string name)
    {
        var (bytes, id, manifest) = Serialize(SampleMessages()[name]);

        foreach (var length in new[] { 0, 1, bytes.Length / 2, bytes.Length - 1 }.Distinct())
        {
            var error = Record.Exception(() => _system.Serialization.Deserialize(bytes[..length], id, manifest));
            Assert.True(error is SerializationException, $"{manifest} cut to {length} of {bytes.Length} bytes: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Garbage_bytes_are_a_serialization_exception(string name)
    {
        var (bytes, id, manifest) = Serialize(SampleMessages()[name]);
        var random = new Random(4712);

        for (var i = 0; i < 50; i++)
        {
            var garbage = new byte[random.Next(1, 2 * bytes.Length + 2)];
            random.NextBytes(garbage);
            var error = Record.Exception(() => _system.Serialization.Deserialize(garbage, id, manifest));
            Assert.True(error is SerializationException, $"{manifest}, {garbage.Length} random bytes: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
        // Valid JSON of the wrong shape, and a valid payload with trailing bytes, are refused as well.
        foreach (var wrong in new byte[][] { "null"u8.ToArray(), "[]"u8.ToArray(), "{\"AccountId\":null}"u8.ToArray(), [.. bytes, 0] })
        {
            if (manifest.StartsWith("get-", StringComparison.Ordinal) && wrong[0] == '{')
            {
                continue; // a query has no fields, so any object is one
            }
            var error = Record.Exception(() => _system.Serialization.Deserialize(wrong, id, manifest));
            Assert.True(error is SerializationException, $"{manifest}, {System.Text.Encoding.UTF8.GetString(wrong)}: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
    }

    private static Dictionary<string, object> SampleMessages() => new(StringComparer.Ordinal)
    {
        ["envelope"] = AccountEnvelope.For("coinw", "sub-1", new GetAccountState()),
        ["frame"] = new VenueEventsReceived([new AssetBalanceChanged("coinw", "USDT", 1m, 0m, 0m)]) { ReceivedAt = At },
        ["state"] = PopulatedState(),
        ["status"] = new AccountStatus("sub-3", Venue, ConnectionStatus.Live, 1, 0, "x", At, 5),
        ["lag"] = new JournalLag("sub-5", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 3),
        ["get-state"] = new GetAccountState(),
        ["get-status"] = new GetAccountStatus(),
        ["get-lag"] = new GetJournalLag(),
    };

    private static AccountState PopulatedState()
    {
        var position = new PositionChanged(Venue, "p-1", "BTC-USDT", TradeSide.Long, 3m, LongPrice, 10m, 25_715.1055m)
        {
            MarginMode = MarginMode.Isolated,
            LiquidationPrice = 77_001.000000000000000001m,
            UnrealizedPnl = -12.5m,
            RealizedPnl = 3.25m,
            PositionMargin = 25_000m,
            InitialMargin = 25_715.1055m,
            MarginRate = 0.0123456789012345678901m,
            Fee = 1.5m,
            FundingFee = -0.01m,
            ClosedQuantity = 1m,
            ClosableQuantity = 2m,
            BaseQuantity = 0.003m,
            OpenedAt = At,
            UpdatedAt = At.AddMinutes(5),
        };
        var order = new OrderChanged(Venue, "o-1", "BTC-USDT", TradeSide.Short, 90_000.5m, 2m, 0.5m, OrderStatus.PartiallyFilled)
        {
            OrderType = OrderTypes.Limit,
            OriginalOrderType = OrderTypes.PostOnly,
            Leverage = 10m,
            MarginMode = MarginMode.Cross,
            Margin = 18_000.1m,
            PositionMargin = 4_500m,
            AveragePrice = 90_000.25m,
            Fee = 0.45m,
            FrozenFee = 0.9m,
            MakerFeeRate = 0.0002m,
            TakerFeeRate = 0.0006m,
            RealizedPnl = 1.75m,
            BaseQuantity = 0.002m,
            LiquidatedBy = "none",
            Source = "api",
            TakeProfitStopLoss = new TakeProfitStopLoss(true, 95_000m, 0m, "tp-1", true, 80_000m, 79_900m, "sl-1"),
            CreatedAt = At,
            UpdatedAt = At.AddSeconds(1),
        };
        var trigger = new TriggerOrderChanged(Venue, "t-1", "BTC-USDT", TradeSide.Long, 70_000m, 1m, OrderStatus.New)
        {
            Price = 69_999.9m,
            OrderType = OrderTypes.StopLoss,
            TriggerKind = "mark",
            Leverage = 5m,
            MarginMode = MarginMode.Isolated,
            Source = "web",
            CreatedAt = At,
            UpdatedAt = At.AddHours(1),
            ExpiresAt = At.AddDays(7),
        };
        var rank = new AdlRankChanged(Venue, "p-1", "BTC-USDT", 2)
        {
            LiquidationPrice = 77_001m,
            PositionMargin = 25_000m,
            MarginRate = 0.01m,
            BestBid = 85_716.9m,
            BestAsk = 85_717.1m,
            LastPrice = 85_717m,
            MarkPrice = Mark,
        };
        var usdt = new AssetBalanceChanged(Venue, "USDT", 1000.123456789012345678m, 50m, 200m)
        {
            Hold = 1.5m,
            AvailableMargin = 900m,
            Transferable = 800m,
            UnrealizedPnl = -12.5m,
            CouponBalance = 5m,
        };
        return AccountState.Empty("sub-1", Venue) with
        {
            Assets = ImmutableDictionary<string, AssetBalanceChanged>.Empty.Add("USDT", usdt).Add("BTC", new AssetBalanceChanged(Venue, "BTC", 0.5m, 0m, 0m)),
            Positions = ImmutableDictionary<string, PositionChanged>.Empty.Add("p-1", position),
            OpenOrders = ImmutableDictionary<string, OrderChanged>.Empty.Add("o-1", order),
            TriggerOrders = ImmutableDictionary<string, TriggerOrderChanged>.Empty.Add("t-1", trigger),
            AdlRanks = ImmutableDictionary<string, AdlRankChanged>.Empty.Add("p-1", rank),
            MarkPrices = ImmutableDictionary<string, decimal>.Empty.Add("BTC-USDT", Mark).Add("ETH-USDT", 3_000.000000000000000001m),
            RecentFillIds = ["f-3", "f-1", "f-2"],
            Fills = 3,
            Connection = ConnectionStatus.Live,
            SequenceNr = 1_234,
            MarginSettings = new MarginSettingsChanged(Venue, MarginMode.Cross, PositionLayout.Split),
            FeesPaid = 12.345678901234567890123m,
            RealizedPnl = -0.000000000000000000001m,
            EndedOrderTotals = [new OrderTotals("o-0", 0.1m, 2.5m), new OrderTotals("o-00", 0m, -1m)],
            ReconciledAt = At,
            Reconciliation = ReconciliationStatus.Done,
        };
    }

    private static IEnumerable<PropertyInfo> StateProperties() =>
        typeof(AccountState).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    // Records over immutable collections compare those by reference, so collections are compared by content
    // (dictionaries regardless of order, lists in order); everything else by its own equality.
    private static bool SameValue(object? expected, object? actual) => (expected, actual) switch
    {
        (IDictionary e, IDictionary a) => e.Count == a.Count && e.Keys.Cast<object>().All(k => a.Contains(k) && Equals(e[k], a[k])),
        (IEnumerable e and not string, IEnumerable a and not string) => e.Cast<object>().SequenceEqual(a.Cast<object>()),
        _ => Equals(expected, actual),
    };

    private static string Show(object? value) => value switch
    {
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}: {d[k]}")) + "}",
        IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
        _ => value?.ToString() ?? "null",
    };

    private static void AllOptionalFieldsSet(object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(property.GetValue(value) is not null, $"{value.GetType().Name}.{property.Name} is not set in the sample");
        }
    }

    private (byte[] Bytes, int Id, string Manifest) Serialize(object message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<AccountWireSerializer>(serializer);
        return (serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }

    private object RoundTrip(object message, string? expectedManifest = null)
    {
        var (bytes, id, manifest) = Serialize(message);
        if (expectedManifest is not null)
        {
            Assert.Equal(expectedManifest, manifest);
        }
        return _system.Serialization.Deserialize(bytes, id, manifest);
    }
}
