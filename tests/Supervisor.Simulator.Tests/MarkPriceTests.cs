using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Events;

namespace Supervisor.Simulator.Tests;

/// <summary>Public mark prices on a manual clock: CoinW's mark_price on /perpum without login, ChainUP's mark_price_&lt;s&gt; on /kline-api/ws.</summary>
public sealed class MarkPriceTests
{
    [Fact]
    public async Task CoinW_acks_a_mark_price_sub_without_login_and_pushes_the_walk_every_250_ms_with_a_lower_case_pairCode()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await TestSocket.ConnectAsync(host.CoinWPublicUri);
        await socket.SendAsync("""{"event":"sub","params":{"biz":"futures","type":"mark_price","pairCode":"BTC"}}""");
        Assert.Equal("""{"biz":"futures","pairCode":"BTC","data":{"result":true},"channel":"subscribe","type":"mark_price"}""", await socket.ReceiveAsync());
        var codec = new CoinWCodec();
        var marks = new List<decimal>();
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            var text = await socket.ReceiveAsync();
            using var push = JsonDocument.Parse(text);
            Assert.Equal("btc", push.RootElement.GetProperty("pairCode").GetString());
            Assert.Equal("btc", push.RootElement.GetProperty("data").GetProperty("n").GetString());
            Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), push.RootElement.GetProperty("data").GetProperty("t").GetInt64());
            var mark = Assert.IsType<MarkPriceChanged>(Assert.Single(codec.Decode(Encoding.UTF8.GetBytes(text)).Events));
            Assert.Equal(("BTC", host.MarkPrice("coinw", "BTC")), (mark.Instrument, mark.Price));
            marks.Add(mark.Price);
        }
        Assert.True(marks.Distinct().Count() > 1, "the mark walks");

        await socket.SendAsync("""{"event":"unsub","params":{"biz":"futures","type":"mark_price","pairCode":"BTC"}}""");
        Assert.Equal("""{"biz":"futures","pairCode":"BTC","data":{"result":true},"channel":"unsub","type":"mark_price"}""", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task Marks_are_the_same_for_a_seed_and_virtual_time_and_differ_between_seeds_and_venues()
    {
        async Task<(decimal CoinW, decimal ChainUp)> MarksAfter(int seed, TimeSpan elapsed)
        {
            var clock = new FakeTimeProvider();
            await using var host = await SimulatorHost.StartAsync(Venues.Options(clock) with { Seed = seed });
            clock.Advance(elapsed);
            return (host.MarkPrice("coinw", "ETH"), host.MarkPrice("chainup", "E-ETH-USDT"));
        }

        var first = await MarksAfter(7, TimeSpan.FromMinutes(3));

        Assert.Equal(first, await MarksAfter(7, TimeSpan.FromMinutes(3)));
        Assert.NotEqual(first.CoinW, (await MarksAfter(8, TimeSpan.FromMinutes(3))).CoinW);
        Assert.NotEqual(first.CoinW, first.ChainUp);
    }

    [Fact]
    public async Task ChainUp_public_socket_pushes_gzip_mark_price_frames_every_second_and_pings_every_10_s()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await TestSocket.ConnectAsync(host.ChainUpPublicUri);
        await socket.SendAsync("""{"event":"sub","params":{"channel":"mark_price_e_btcusdt","cb_id":"e_btcusdt"}}""");

        // The first push answers the sub; then one per second of the clock.
        for (var i = 0; i < 3; i++)
        {
            if (i > 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            var raw = await socket.ReceiveRawAsync();
            Assert.True(raw!.Value.Binary);
            using var push = JsonDocument.Parse(Gunzip(raw.Value.Frame));
            Assert.Equal("mark_price_e_btcusdt", push.RootElement.GetProperty("channel").GetString());
            Assert.Equal("ok", push.RootElement.GetProperty("status").GetString());
            var tick = push.RootElement.GetProperty("tick");
            Assert.Equal(host.MarkPrice("chainup", "BTC"), decimal.Parse(tick.GetProperty("tagPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("e_btcusdt", tick.GetProperty("symbol").GetString());
            Assert.All(new[] { "indexPrice", "currentFundRate", "nextFundRate", "nextSettlementTime" }, f => Assert.Equal(JsonValueKind.String, tick.GetProperty(f).ValueKind));
        }

        clock.Advance(TimeSpan.FromSeconds(8));
        var ping = await socket.ReceiveUntilAsync("\"ping\"");
        Assert.Equal($$"""{"ping":{{clock.GetUtcNow().ToUnixTimeSeconds()}}}""", ping);
        await socket.SendAsync($$"""{"pong":{{clock.GetUtcNow().ToUnixTimeSeconds()}}}""");
        await socket.SendAsync("""{"event":"unsub","params":{"channel":"mark_price_e_btcusdt","cb_id":"e_btcusdt"}}""");
        await socket.SendAsync("""{"event":"sub","params":{"channel":"mark_price_e_ethusdt","cb_id":"e_ethusdt"}}""");
        Assert.Contains("mark_price_e_ethusdt", await socket.ReceiveUntilAsync("mark_price_e_ethusdt"));
    }

    [Fact]
    public async Task ChainUp_ADL_PRICE_carries_the_chainup_mark_of_each_position()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        await Venues.StepUntilAPositionIsOpenAsync(host, Venues.ChainUp, socket);
        clock.Advance(TimeSpan.FromSeconds(1));

        using var adl = JsonDocument.Parse(await socket.ReceiveAsync());
        Assert.Equal("ADL_PRICE", adl.RootElement.GetProperty("channel").GetString());
        var truth = host.Truth(Venues.ChainUp.Id);
        Assert.Equal(
            truth.Positions.Select(p => (p.Id, host.MarkPrice("chainup", p.Instrument))),
            adl.RootElement.GetProperty("l").EnumerateArray().Select(e => (e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("tp").GetDecimal())));
    }

    [Fact]
    public async Task The_marks_are_served_over_http_and_unknown_instruments_are_refused()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        clock.Advance(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        var coinw = await http.GetFromJsonAsync<Dictionary<string, decimal>>("/sim/marks/coinw");
        var chainup = await http.GetFromJsonAsync<Dictionary<string, decimal>>("/sim/marks/chainup");

        Assert.Equal(host.MarkPrices("coinw"), coinw);
        Assert.Equal(host.MarkPrices("coinlocally"), chainup);
        Assert.Equal(host.MarkPrice("chainup", "e_solusdt"), chainup!["SOL"]);
        Assert.Throws<ArgumentException>(() => host.MarkPrice("coinw", "DOGE"));
    }

    internal static string Gunzip(byte[] frame)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(frame), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
