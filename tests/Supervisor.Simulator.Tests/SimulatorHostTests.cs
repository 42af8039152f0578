using System.IO.Compression;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>The simulator's documented behaviour, checked with plain sockets and JSON (not with our codecs).</summary>
public sealed class SimulatorHostTests : IAsyncLifetime
{
    private static readonly SimAccount CoinW = new("cw1", "coinw", "cw-key", "cw-secret");
    private static readonly SimAccount ChainUp = new("cl1", "coinlocally", "cl-key", "cl-secret");
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [CoinW, ChainUp], TickInterval = null });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<string> ReceiveText(ClientWebSocket socket)
    {
        var buffer = new byte[65536];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        if (result.MessageType == WebSocketMessageType.Binary)
        {
            using var gzip = new GZipStream(new MemoryStream(buffer, 0, result.Count), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            return await reader.ReadToEndAsync();
        }
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

    [Fact]
    public async Task CoinW_login_subscribe_ping_and_pushes_only_on_change()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(_host.CoinWUri, default);
        await Send(socket, """{"event":"sub","params":{"biz":"futures","type":"order"}}""");
        Assert.Contains("\"result\":false", await ReceiveText(socket));
        await Send(socket, """{"event":"login","params":{"api_key":"cw-key","passphrase":"cw-secret"}}""");
        Assert.Equal("""{"data":{"result":true},"channel":"login"}""", await ReceiveText(socket));
        foreach (var type in new[] { "order", "position", "assets" })
        {
            await Send(socket, "{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"" + type + "\"}}");
            using var ack = JsonDocument.Parse(await ReceiveText(socket));
            Assert.Equal("subscribe", ack.RootElement.GetProperty("channel").GetString());
            Assert.True(ack.RootElement.GetProperty("data").GetProperty("result").GetBoolean());
        }
        await Send(socket, """{"event":"ping"}""");
        Assert.Equal("""{"event":"pong"}""", await ReceiveText(socket));
        _host.Step();
        using var push = JsonDocument.Parse(await ReceiveText(socket));
        Assert.Contains(push.RootElement.GetProperty("type").GetString(), new[] { "order", "position", "assets" });
        Assert.Equal(JsonValueKind.Array, push.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task CoinW_rejects_a_wrong_secret()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(_host.CoinWUri, default);
        await Send(socket, """{"event":"login","params":{"api_key":"cw-key","passphrase":"nope"}}""");
        using var reply = JsonDocument.Parse(await ReceiveText(socket));
        Assert.False(reply.RootElement.GetProperty("data").GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task ChainUp_greets_acks_the_sub_and_pushes_gzip_json()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("api-key", "cl-key");
        await socket.ConnectAsync(_host.ChainUpUri, default);
        Assert.Equal("connect success", await ReceiveText(socket));
        await Send(socket, """{"event":"sub","apiKey":"cl-key","broker":1003}""");
        Assert.Equal("sub success", await ReceiveText(socket));
        await Send(socket, """{"ping":1735689600000}""");
        Assert.Equal("""{"pong":1735689600001}""", await ReceiveText(socket));
        _host.Step();
        using var push = JsonDocument.Parse(await ReceiveText(socket));
        Assert.Contains(push.RootElement.GetProperty("channel").GetString(), new[] { "order", "ACCOUNT_UPDATE" });
    }

    [Fact]
    public async Task Faults_are_controlled_over_http_and_bad_requests_are_refused()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseUri };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("drop", "nobody"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("explode", "cw1"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("reject-subscriptions", "cw1"))).StatusCode);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(_host.CoinWUri, default);
        await Send(socket, """{"event":"login","params":{"api_key":"cw-key","passphrase":"cw-secret"}}""");
        await ReceiveText(socket);
        await Send(socket, """{"event":"sub","params":{"biz":"futures","type":"order"}}""");
        using var ack = JsonDocument.Parse(await ReceiveText(socket));
        Assert.Equal(1001, ack.RootElement.GetProperty("data").GetProperty("errorCode").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("drop", "cw1"))).StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        // A reset, not a timeout: the receive fails with a WebSocketException well before the 5 s cancellation.
        await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            while (true)
            {
                await socket.ReceiveAsync(new byte[1024], timeout.Token);
            }
        });
    }

    [Fact]
    public async Task The_generator_is_deterministic_and_the_truth_is_served_as_json()
    {
        // Orders carry clock times now: the twins get two manual clocks at the same moment, so whole records compare.
        await using var first = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [CoinW, ChainUp], TickInterval = null, TimeProvider = new FakeTimeProvider() });
        await using var twin = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [CoinW, ChainUp], TickInterval = null, TimeProvider = new FakeTimeProvider() });
        for (var i = 0; i < 50; i++)
        {
            _host.Step();
            first.Step();
            twin.Step();
        }
        Assert.Equal(first.Truth("cw1").Available, twin.Truth("cw1").Available);
        Assert.Equal(first.Truth("cl1").OpenOrders, twin.Truth("cl1").OpenOrders);
        Assert.Equal(first.Truth("cl1").Positions, twin.Truth("cl1").Positions);
        Assert.Equal(_host.Truth("cl1").OpenOrders.Select(o => o.Id), first.Truth("cl1").OpenOrders.Select(o => o.Id));
        using var http = new HttpClient { BaseAddress = _host.BaseUri };
        var truth = await http.GetFromJsonAsync<AccountTruth>("/sim/accounts/cw1/truth");
        Assert.Equal(_host.Truth("cw1").Available, truth!.Available);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/sim/accounts/nobody/truth")).StatusCode);
    }
}
