using System.Net.WebSockets;
using System.Text.Json;

namespace Supervisor.Simulator.Tests;

/// <summary>Hostile client input to the sockets: a clear answer or close, and the simulator keeps serving.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(Venues.Options());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"event":"sub"}""", 500)]
    [InlineData("""{"event":"sub","params":{}}""", 500)]
    [InlineData("""{"event":"sub","params":"mark_price"}""", 500)]
    [InlineData("""{"event":"sub","params":{"biz":"futures","type":7}}""", 500)]
    [InlineData("""{"event":"SUB","params":{"biz":"futures","type":"mark_price","pairCode":"btc"}}""", 500)]
    [InlineData("""{"event":"login"}""", 500)]
    [InlineData("""[1,2,3]""", 500)]
    [InlineData("\"just a string\"", 500)]
    [InlineData("""{"event":"sub","params":{"biz":"futures","type":"deep","pairCode":"btc"}}""", 1007)]
    [InlineData("""{"event":"sub","params":{"biz":"spot","type":"mark_price","pairCode":"btc"}}""", 1007)]
    [InlineData("""{"event":"sub","params":{"biz":"futures","type":"mark_price"}}""", 1007)]
    [InlineData("""{"event":"sub","params":{"biz":"futures","type":"order"}}""", 1001)]
    [InlineData("not json", 1001)]
    public async Task CoinW_answers_malformed_or_unknown_subs_with_its_errors_and_keeps_the_socket(string command, int errorCode)
    {
        using var socket = await TestSocket.ConnectAsync(_host.CoinWPublicUri);

        await socket.SendAsync(command);

        using var reply = JsonDocument.Parse(await socket.ReceiveAsync());
        var error = reply.RootElement.TryGetProperty("data", out var data) ? data : reply.RootElement;
        Assert.False(error.GetProperty("result").GetBoolean());
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetInt32());
        await socket.SendAsync("""{"event":"ping"}""");
        Assert.Equal("""{"event":"pong"}""", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task CoinW_acks_an_unknown_contract_and_a_deeply_nested_frame_is_not_json()
    {
        using var socket = await TestSocket.ConnectAsync(_host.CoinWPublicUri);

        await socket.SendAsync("""{"event":"sub","params":{"biz":"futures","type":"mark_price","pairCode":"NOPE"}}""");
        Assert.Contains("\"result\":true", await socket.ReceiveAsync());
        await socket.SendAsync(new string('[', 5000) + new string(']', 5000));
        Assert.Contains("1001", await socket.ReceiveAsync());
        await socket.SendAsync("""{"event":"login","params":{"api_key":5,"passphrase":null}}""");
        Assert.Contains("\"channel\":\"login\"", await socket.ReceiveAsync());
    }

    [Theory]
    [InlineData("/perpum")]
    [InlineData("/position_order/ws")]
    [InlineData("/kline-api/ws")]
    public async Task An_oversized_client_frame_is_closed_with_1009_and_the_simulator_serves_on(string path)
    {
        var uri = new Uri(_host.CoinWUri, path);
        using (var socket = await TestSocket.ConnectAsync(uri))
        {
            await socket.SendAsync(new byte[1024 * 1024]);

            Assert.True(await socket.ReceiveEndAsync());
            Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
            Assert.Contains("exceeds", socket.CloseDescription, StringComparison.Ordinal);
        }
        using var next = await TestSocket.ConnectAsync(_host.CoinWUri);
        await next.SendAsync("""{"event":"ping"}""");
        Assert.Equal("""{"event":"pong"}""", await next.ReceiveAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"ping":1735689600000}""")]
    [InlineData("""{"event":"sub"}""")]
    [InlineData("""{"event":"sub","params":{"channel":42}}""")]
    [InlineData("""{"event":"explode","params":{"channel":"mark_price_e_btcusdt"}}""")]
    [InlineData("""[{"event":"sub"}]""")]
    public async Task ChainUp_public_closes_with_1000_Bye_on_frames_it_cannot_use(string command)
    {
        using var socket = await TestSocket.ConnectAsync(_host.ChainUpPublicUri);

        await socket.SendAsync(command);

        Assert.True(await socket.ReceiveEndAsync());
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "Bye"), (socket.CloseStatus, socket.CloseDescription));
    }

    [Fact]
    public async Task ChainUp_public_ignores_unknown_channels_like_the_venue_and_serves_the_next_sub()
    {
        using var socket = await TestSocket.ConnectAsync(_host.ChainUpPublicUri);

        await socket.SendAsync("""{"event":"sub","params":{"channel":"mark_price_e_nopeusdt","cb_id":"1"}}""");
        await socket.SendAsync("""{"event":"sub","params":{"channel":"market_e_btcusdt_depth_step0","cb_id":"2"}}""");
        await socket.SendAsync("""{"event":"req","params":{"channel":"market_e_btcusdt_kline_1min","cb_id":"3"}}""");
        await socket.SendAsync("""{"event":"sub","params":{"channel":"mark_price_e_solusdt","cb_id":"4"}}""");

        using var push = JsonDocument.Parse(await socket.ReceiveAsync());
        Assert.Equal("mark_price_e_solusdt", push.RootElement.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task ChainUp_private_survives_odd_pings_and_subs()
    {
        using var socket = await TestSocket.ConnectAsync(_host.ChainUpUri);
        Assert.Equal("connect success", await socket.ReceiveAsync());

        await socket.SendAsync("""{"ping":"soon"}""");
        await socket.SendAsync("""{"event":"sub","apiKey":42,"broker":"1003"}""");
        await socket.SendAsync("""{"event":"sub","apiKey":"cl-key","broker":99999999999}""");
        await socket.SendAsync("""{"ping":7}""");

        Assert.Equal("""{"pong":8}""", await socket.ReceiveAsync());
    }
}
