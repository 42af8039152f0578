using Supervisor.Tests.Fixtures;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Akka.Actor;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.Tests.Protocol;

/// <summary>A CoinW account end to end on loopback: login, five subscriptions, pushes decoded and persisted.</summary>
public sealed class CoinWProtocolTests : ActorSpec
{
    private static readonly AccountSettings Settings = new() { RandomFactor = 0 };

    public CoinWProtocolTests()
    {
    }

    private static string Fixture(string file) => Fixtures.CoinWPush(file).ReplaceLineEndings(" ");

    [Fact]
    public async Task Order_and_position_pushes_reach_the_persisted_account_state()
    {
        await using var venue = await CoinWLoopbackVenue.StartAsync("key-1", "secret-1");
        var account = new AccountDefinition("sub-1", new CoinWProtocol(venue.Uri, new ApiCredentials("key-1", "secret-1")));
        var root = LocalAccounts.Start(Sys, new AccountRegistry([account]), Settings, a => AccountStateActor.Props(a.Id, a.Venue)).Accounts;
        await venue.Push.Writer.WriteAsync(Fixture("Order.txt"));
        await venue.Push.Writer.WriteAsync(Fixture("Position.txt"));
        await AwaitAssertAsync(async () =>
        {
            var state = await root.Ask<AccountState>(new ForAccount("coinw", "sub-1", new GetAccountState()), TimeSpan.FromSeconds(5));
            Assert.Equal(ConnectionStatus.Live, state.Connection);
            Assert.Equal(OrderStatus.New, state.OpenOrders["33308740320587027"].Status);
            Assert.Equal(TradeSide.Short, state.Positions["2435521222631981320"].Side);
        }, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_wrong_secret_is_AuthFailed_and_the_reason_never_shows_the_secret()
    {
        await using var venue = await CoinWLoopbackVenue.StartAsync("key-1", "secret-1");
        var account = new AccountDefinition("sub-2", new CoinWProtocol(venue.Uri, new ApiCredentials("key-1", "wrong-secret")));
        var root = LocalAccounts.Start(Sys, new AccountRegistry([account]), Settings, null).Accounts;
        await AwaitAssertAsync(async () =>
        {
            var status = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(5))).Accounts.Single();
            Assert.Equal(ConnectionStatus.AuthFailed, status.Connection);
            Assert.Equal("401 invalid api key", status.LastProblem);
        }, TimeSpan.FromSeconds(15));
        Assert.DoesNotContain("wrong-secret", new ApiCredentials("key-1", "wrong-secret").ToString());
    }
}
