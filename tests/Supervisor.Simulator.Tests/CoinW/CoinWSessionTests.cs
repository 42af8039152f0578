using System.Text.Json;

namespace Supervisor.Simulator.Tests.CoinW;

public sealed class CoinWSessionTests
{
    private static readonly string Fixtures = "/work/shared/venues/fixtures/coinw-net";

    [Fact]
    public async Task Login_ok_answers_the_documented_login_ack()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"login\",\"params\":{\"api_key\":\"cw-key\",\"passphrase\":\"cw-secret\"}}");
        using var doc = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal("login", doc.RootElement.GetProperty("channel").GetString());
        Assert.True(doc.RootElement.GetProperty("data").GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task Login_with_wrong_secret_answers_result_false_with_error_code()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"login\",\"params\":{\"api_key\":\"cw-key\",\"passphrase\":\"nope\"}}");
        using var doc = JsonDocument.Parse((await s.ReceiveAsync())!);
        var data = doc.RootElement.GetProperty("data");
        Assert.False(data.GetProperty("result").GetBoolean());
        Assert.Equal(JsonValueKind.Number, data.GetProperty("errorCode").ValueKind);
    }

    [Fact]
    public async Task Private_sub_acks_without_pairCode_and_private_sub_before_login_fails()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"order\"}}");
        using (var fail = JsonDocument.Parse((await s.ReceiveAsync())!))
            Assert.False(fail.RootElement.GetProperty("data").GetProperty("result").GetBoolean());
        await s.SendAsync("{\"event\":\"login\",\"params\":{\"api_key\":\"cw-key\",\"passphrase\":\"cw-secret\"}}");
        await s.ReceiveAsync();
        await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"order\"}}");
        using var ok = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal("subscribe", ok.RootElement.GetProperty("channel").GetString());
        Assert.Equal("order", ok.RootElement.GetProperty("type").GetString());
        Assert.False(ok.RootElement.TryGetProperty("pairCode", out _));
    }

    [Fact]
    public async Task Ping_answers_pong_and_bad_text_answers_bare_error()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"ping\"}");
        Assert.Equal("{\"event\":\"pong\"}", await s.ReceiveAsync());
        await s.SendAsync("hello");
        using var err = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal(1001, err.RootElement.GetProperty("errorCode").GetInt32());
        await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"nope\"}}");
        using var bad = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal(1007, bad.RootElement.GetProperty("data").GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task Unsub_acks_with_channel_unsub_and_stops_pushes()
    {
        await using var host = await SimFixture.StartAsync();
        await using var s = await SimFixture.CoinWLoggedInAsync(host, "order");
        await s.SendAsync("{\"event\":\"unsub\",\"params\":{\"biz\":\"futures\",\"type\":\"order\"}}");
        using var ack = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal("unsub", ack.RootElement.GetProperty("channel").GetString());
        await host.AdvanceAsync(50);
        await s.SendAsync("{\"event\":\"ping\"}");
        Assert.Equal("{\"event\":\"pong\"}", await s.ReceiveAsync());
    }

    [Fact]
    public async Task Silent_socket_is_dropped_after_the_idle_timeout()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { CoinWIdleTimeout = TimeSpan.FromMilliseconds(300) });
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        Assert.Null(await s.ReceiveAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Mark_price_subscription_pushes_lower_case_pairCode()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { CoinWIdleTimeout = TimeSpan.FromMilliseconds(500) });
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"mark_price\",\"pairCode\":\"BTC\"}}");
        using var ack = JsonDocument.Parse((await s.ReceiveAsync())!);
        Assert.Equal("BTC", ack.RootElement.GetProperty("pairCode").GetString());
        using var push = await s.ReceiveUntilAsync(e => e.TryGetProperty("type", out var t) && t.GetString() == "mark_price" && !e.TryGetProperty("channel", out _));
        Assert.Equal("btc", push.RootElement.GetProperty("pairCode").GetString());
    }

    [Theory]
    [InlineData("Order.txt")]
    [InlineData("Position.txt")]
    [InlineData("Balance.txt")]
    public async Task Fixture_client_frames_get_answers_of_the_same_shape(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures, file));
        await using var host = await SimFixture.StartAsync();
        await using var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        foreach (var line in lines)
        {
            if (line.StartsWith("> "))
            {
                var frame = line[2..].Replace("\"api_key\": \"\"", "\"api_key\": \"cw-key\"").Replace("\"passphrase\": \"\"", "\"passphrase\": \"cw-secret\"");
                await s.SendAsync(frame);
            }
            else if (line.StartsWith("< "))
            {
                using var expected = JsonDocument.Parse(line[2..]);
                using var actual = JsonDocument.Parse((await s.ReceiveAsync())!);
                AssertSameShape(expected.RootElement, actual.RootElement);
            }
        }
    }

    private static void AssertSameShape(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        if (expected.ValueKind != JsonValueKind.Object)
        {
            Assert.Equal(expected.GetRawText(), actual.GetRawText());
            return;
        }
        var keys = expected.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(keys, actual.EnumerateObject().Select(p => p.Name).Order().ToArray());
        foreach (var p in expected.EnumerateObject()) AssertSameShape(p.Value, actual.GetProperty(p.Name));
    }
}
