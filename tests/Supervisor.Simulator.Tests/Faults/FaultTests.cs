using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Supervisor.Simulator.Faults;

namespace Supervisor.Simulator.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task Drop_aborts_the_socket()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host, "order");
        host.Inject(FaultKind.Drop, "cw");
        Assert.Null(await s.ReceiveAsync());
    }

    [Fact]
    public async Task Stall_stops_pongs_and_clear_restores_them()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        host.Inject(FaultKind.Stall, "cw");
        await s.SendAsync("{\"event\":\"ping\"}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Stall_then_clear_answers_pings_again()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        host.Inject(FaultKind.Stall, "cw");
        host.Inject(FaultKind.Clear, "cw");
        await s.SendAsync("{\"event\":\"ping\"}");
        Assert.Equal("{\"event\":\"pong\"}", await s.ReceiveAsync());
    }

    [Fact]
    public async Task ChainUp_venue_close_sends_SYSTEM_close_then_closes()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        host.Inject(FaultKind.VenueClose, "cu");
        using var sys = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal("SYSTEM", sys.RootElement.GetProperty("channel").GetString());
        Assert.Equal("close", sys.RootElement.GetProperty("et").GetString());
        Assert.Null(await s.ReceiveAsync());
    }

    [Fact]
    public async Task CoinW_venue_close_sends_a_close_frame()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        host.Inject(FaultKind.VenueClose, "cw");
        Assert.Null(await s.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, s.Raw.CloseStatus);
    }

    [Fact]
    public async Task Malformed_frame_is_not_json()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        host.Inject(FaultKind.Malformed, "cu");
        var text = await s.ReceiveAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text!));
    }

    [Fact]
    public async Task Oversized_frame_is_larger_than_one_MiB()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        host.Inject(FaultKind.Oversized, "cw");
        Assert.True((await s.ReceiveAsync())!.Length > 1024 * 1024);
    }

    [Fact]
    public async Task Gzip_bomb_inflates_beyond_a_sane_limit()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.ChainUpSubscribedAsync(host);
        host.Inject(FaultKind.GzipBomb, "cu");
        await Assert.ThrowsAsync<InvalidDataException>(() => s.ReceiveAsync(maxBytes: 1024 * 1024));
    }

    [Fact]
    public async Task Reject_auth_fails_login()
    {
        await using var host = await SimFixture.StartAsync();
        host.Inject(FaultKind.RejectAuth);
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"login\",\"params\":{\"api_key\":\"cw-key\",\"passphrase\":\"cw-secret\"}}");
        using var doc = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.False(doc.RootElement.GetProperty("data").GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Reject_subscriptions_answers_rate_limit_error()
    {
        await using var host = await SimFixture.StartAsync();
        host.Inject(FaultKind.RejectSubscriptions, "cw");
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"order\"}}");
        using var doc = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal(1001, doc.RootElement.GetProperty("data").GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task Delay_holds_frames_back()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host);
        host.Inject(FaultKind.Delay, "cw", TimeSpan.FromMilliseconds(400));
        await s.SendAsync("{\"event\":\"ping\"}");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.ReceiveAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Pause_activity_over_http_stops_steps()
    {
        await using var host = await SimFixture.StartAsync();
        using var http = new HttpClient();
        var resp = await http.PostAsync(new Uri(host.HttpBaseUri, "/sim/faults"),
            new StringContent("{\"account\":\"cw\",\"kind\":\"PauseActivity\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        await host.AdvanceAsync(5);
        Assert.Equal(0, host.Truth("cw").Step);
        Assert.Equal(5, host.Truth("cu").Step);
    }
}
