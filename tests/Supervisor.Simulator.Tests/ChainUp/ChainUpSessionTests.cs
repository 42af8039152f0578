using System.Text.Json;

namespace Supervisor.Simulator.Tests.ChainUp;

public sealed class ChainUpSessionTests
{
    [Fact]
    public async Task Connect_success_then_sub_success_then_gzip_pong()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        await s.SendAsync("{\"ping\":1735689600000}");
        using var pong = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal(JsonValueKind.Number, pong.RootElement.GetProperty("pong").ValueKind);
    }

    [Fact]
    public async Task Token_mode_is_accepted()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.ChainUpSocketUri, ("token", "cu-token"));
        Assert.Equal("connect success", await s.ReceiveAsync());
        await s.SendAsync("{\"event\":\"sub\",\"token\":\"cu-token\",\"broker\":1003}");
        Assert.Equal("sub success", await s.ReceiveAsync());
    }

    [Fact]
    public async Task Wrong_broker_fails_the_sub_and_closes()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.ChainUpSocketUri, ("api-key", "cu-key"));
        await s.ReceiveAsync();
        await s.SendAsync("{\"event\":\"sub\",\"apiKey\":\"cu-key\",\"broker\":7}");
        Assert.Equal("sub fail", await s.ReceiveAsync());
        Assert.Null(await s.ReceiveAsync());
    }

    [Fact]
    public async Task No_ping_closes_after_the_ping_timeout()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { ChainUpPingTimeout = TimeSpan.FromMilliseconds(300) });
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        Assert.Null(await s.ReceiveAsync());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, s.Raw.CloseStatus);
    }

    [Fact]
    public async Task Adl_price_is_pushed_on_cadence_while_positions_are_open()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { AdlInterval = TimeSpan.FromMilliseconds(100) });
        while (host.Truth("cu").Positions.Count == 0) host.Step("cu");
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        var started = DateTime.UtcNow;
        for (int i = 0; i < 3; i++)
        {
            using var adl = await s.ReceiveUntilAsync(e => e.GetProperty("channel").GetString() == "ADL_PRICE");
            Assert.Equal(host.Truth("cu").Positions.Count, adl.RootElement.GetProperty("l").GetArrayLength());
            Assert.Equal(2001, adl.RootElement.GetProperty("uid").GetInt64());
        }
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(200));
    }
}
