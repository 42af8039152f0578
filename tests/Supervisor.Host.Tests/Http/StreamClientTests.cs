using Supervisor.Host.Http;

namespace Supervisor.Host.Tests.Http;

/// <summary>A stream client's queue: one waiting item per account and kind, and a bound past which the client is dropped.</summary>
public sealed class StreamClientTests
{
    private static StreamItem Item(string account, int version) => new("state", "state|coinw|" + account, version);

    [Fact]
    public void A_newer_change_of_an_account_replaces_the_one_waiting_and_keeps_its_place()
    {
        var client = new StreamClient(capacity: 4);
        client.Offer(Item("a", 1));
        client.Offer(Item("b", 1));
        client.Offer(Item("a", 2));

        Assert.True(client.TryRead(out var first));
        Assert.True(client.TryRead(out var second));
        Assert.False(client.TryRead(out _));
        Assert.Equal(("state|coinw|a", 2), (first!.Key, (int)first.Data));
        Assert.Equal(("state|coinw|b", 1), (second!.Key, (int)second.Data));
        Assert.False(client.Dropped);
    }

    [Fact]
    public async Task A_client_that_falls_behind_by_more_accounts_than_its_capacity_is_dropped_and_holds_nothing()
    {
        var client = new StreamClient(capacity: 3);
        Assert.True(client.Offer(Item("a", 1)));
        Assert.True(client.Offer(Item("b", 1)));
        Assert.True(client.Offer(Item("c", 1)));
        // Replacing a waiting item costs no room.
        Assert.True(client.Offer(Item("c", 2)));

        Assert.False(client.Offer(Item("d", 1)));
        Assert.True(client.Dropped);
        Assert.False(client.Offer(Item("a", 2)));
        while (client.TryRead(out _))
        {
        }
        Assert.False(await client.WaitToReadAsync(CancellationToken.None));
    }
}
