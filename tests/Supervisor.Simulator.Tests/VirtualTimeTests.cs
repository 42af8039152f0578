using System.Text.Json;

namespace Supervisor.Simulator.Tests;

public sealed class VirtualTimeTests
{
    [Fact]
    public async Task CoinW_socket_pinging_stays_open_and_goes_after_60_virtual_seconds_of_silence()
    {
        var time = new ManualTimeProvider();
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { Time = time });
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        for (int i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(50));
            await s.SendAsync("{\"event\":\"ping\"}");
            Assert.Equal("{\"event\":\"pong\"}", await s.ReceiveAsync());
        }
        var lastPing = time.GetUtcNow();
        var closed = s.ReceiveAsync(TimeSpan.FromSeconds(10));
        // The server's timer loop re-arms asynchronously, so keep nudging virtual time until it acts.
        while (!closed.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(closed, Task.Delay(5));
        }
        Assert.Null(await closed);
        Assert.True(time.GetUtcNow() - lastPing >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ChainUp_adl_price_follows_virtual_seconds()
    {
        var time = new ManualTimeProvider();
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { Time = time });
        while (host.Truth("cu").Positions.Count == 0) host.Step("cu");
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        var start = time.GetUtcNow();
        for (int i = 0; i < 3; i++)
        {
            var next = s.ReceiveAsync(TimeSpan.FromSeconds(10));
            while (!next.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                await Task.WhenAny(next, Task.Delay(5));
            }
            using var adl = JsonDocument.Parse((await next)!);
            Assert.Equal("ADL_PRICE", adl.RootElement.GetProperty("channel").GetString());
        }
        // Three pushes at a 1 s cadence need at least 3 virtual seconds.
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(3));
    }
}
