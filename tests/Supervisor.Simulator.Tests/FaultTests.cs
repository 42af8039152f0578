using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Simulator.Tests;

/// <summary>The faults added for issue #5, in-process and over <c>POST /sim/faults</c>.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_frame_delay_holds_every_outgoing_frame_of_the_account_for_that_long_on_the_clock()
    {
        var clock = new FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(Venues.Options(clock));
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var socket = await Venues.CoinWPrivateAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("delay", "cw1", Milliseconds: 5000))).StatusCode);

        var truth = host.Truth("cw1");
        Venues.StepAndCountFrames(host, Venues.CoinW);
        clock.Advance(TimeSpan.FromMilliseconds(4900));
        Assert.False(await socket.ReceivesWithinAsync(TimeSpan.FromMilliseconds(300)), "held until 5 s have passed");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        // The pump reads the clock, then arms its timer: when the test moves the clock in between, the timer is due up to
        // one delay late. Nudge the clock on (at most 7.5 s more) until the held frames come, as real time would.
        for (var nudge = 0; nudge < 15 && !await socket.ReceivesWithinAsync(TimeSpan.FromMilliseconds(200)); nudge++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Contains("\"biz\":\"futures\"", await socket.ReceiveAsync());
        Assert.True(host.Truth("cw1").Changes > truth.Changes);

        host.DelayFrames("cw1", TimeSpan.Zero);
        await socket.SendAsync("""{"event":"ping"}""");
        // The rest of the held pushes may still be ahead of the pong; nothing is held any more, so it comes.
        for (var nudge = 0; nudge < 25 && !await socket.ReceivesWithinAsync(TimeSpan.FromMilliseconds(200)); nudge++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        Assert.Equal("""{"event":"pong"}""", await socket.ReceiveUntilAsync("pong"));
    }

    [Fact]
    public async Task Pause_and_resume_act_on_one_account_when_one_is_named()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options());
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("pause", "cw1"))).StatusCode);

        host.Step();
        Assert.Equal(0, host.Truth("cw1").Changes);
        Assert.True(host.Truth("cl1").Changes > 0);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("resume", "cw1"))).StatusCode);
        host.Step();
        Assert.True(host.Truth("cw1").Changes > 0);

        host.PauseActivity("cl1", true);
        var before = host.Truth("cl1").Changes;
        host.Step();
        Assert.Equal(before, host.Truth("cl1").Changes);
    }

    [Fact]
    public async Task Oversized_frames_sent_over_http_reach_the_sockets_and_the_client_codecs_refuse_them()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options());
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var coinw = await Venues.CoinWPrivateAsync(host);
        using var chainup = await Venues.ChainUpPrivateAsync(host);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("oversized", Bytes: 1_500_000))).StatusCode);

        var text = await coinw.ReceiveRawAsync();
        Assert.False(text!.Value.Binary);
        Assert.True(text.Value.Frame.Length >= 1_500_000);
        Assert.Equal(DecodeErrorKind.TooLarge, new CoinWCodec().Decode(text.Value.Frame).Error?.Kind);
        var binary = await chainup.ReceiveRawAsync();
        Assert.True(binary!.Value.Binary);
        Assert.True(binary.Value.Frame.Length >= 1_500_000);
        Assert.Equal(DecodeErrorKind.TooLarge, new ChainUpCodec().Decode(binary.Value.Frame, true).Error?.Kind);
        // Below the codec's limit the same frame is a well-formed (if useless) venue frame.
        host.SendOversized("cl1", 100_000);
        var small = await chainup.ReceiveRawAsync();
        Assert.NotEqual(DecodeErrorKind.BadCompression, new ChainUpCodec().Decode(small!.Value.Frame, true).Error?.Kind);
    }

    [Fact]
    public async Task A_gzip_bomb_sent_over_http_is_small_on_the_wire_and_refused_by_the_client_codec()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options());
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        using var chainup = await Venues.ChainUpPrivateAsync(host);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/sim/faults", new FaultRequest("gzip-bomb", "cl1", Bytes: 50 * 1024 * 1024))).StatusCode);

        var bomb = await chainup.ReceiveRawAsync();
        Assert.True(bomb!.Value.Binary);
        Assert.True(bomb.Value.Frame.Length < 1024 * 1024);
        Assert.Equal(DecodeErrorKind.BadCompression, new ChainUpCodec().Decode(bomb.Value.Frame, true).Error?.Kind);
    }

    [Theory]
    [InlineData("""{"action":"explode","accountId":"cw1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"delay","accountId":"cw1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"delay","accountId":"cw1","milliseconds":-5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"oversized","accountId":"cw1","bytes":0}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"gzip-bomb","accountId":"cw1","bytes":2147483647}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"accountId":"cw1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"pause",""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"delay","accountId":"nobody","milliseconds":5}""", HttpStatusCode.NotFound)]
    [InlineData("""{"action":"gzip-bomb","accountId":"nobody"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"action":"delay","accountId":"cw1","milliseconds":0}""", HttpStatusCode.OK)]
    [InlineData("""{"action":"no-delay"}""", HttpStatusCode.OK)]
    [InlineData("""{"action":"pause"}""", HttpStatusCode.OK)]
    public async Task The_control_endpoint_refuses_bad_requests(string body, HttpStatusCode expected)
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options());
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        var response = await http.PostAsync("/sim/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }
}
