using Supervisor.Tests.Fixtures;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// The coinw-net transcripts played against the simulator: sent the client's frames in order, it must answer with the
/// same JSON (keys and values; order and whitespace aside) as the recorded server lines.
/// </summary>
public sealed class CoinWFixtureTests
{
    public static TheoryData<string, int> Transcripts => new()
    {
        { "Order.txt", 2 }, { "Position.txt", 2 }, { "PositionDetail.txt", 2 }, { "Balance.txt", 2 }, { "MarkPrice.txt", 1 },
    };

    private static string FixturePath(string file) => Fixtures.Path("coinw-net", file);

    [Fact]
    public async Task The_mark_price_push_has_the_recorded_fields()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [new SimAccount("fx", "coinw", "", "")], TickInterval = null, TimeProvider = clock });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(host.CoinWPublicUri, default);
        var lines = File.ReadAllLines(FixturePath("MarkPrice.txt"));
        await socket.SendAsync(Encoding.UTF8.GetBytes(lines[0][1..].Trim()), WebSocketMessageType.Text, true, default);
        var buffer = new byte[8192];
        await socket.ReceiveAsync(buffer, default);
        clock.Advance(TimeSpan.FromMilliseconds(250));

        var result = await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);

        var expected = JsonNode.Parse(string.Join("\n", lines.SkipWhile(l => !l.StartsWith('=')).Skip(1)))!.AsObject();
        var actual = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(), actual.Select(p => p.Key).Order());
        Assert.Equal(expected["pairCode"]!.GetValue<string>(), actual["pairCode"]!.GetValue<string>());
        // The wire adds t (coinw.md §6.1) to the recorded p and n.
        Assert.Equal(["n", "p", "t"], actual["data"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(JsonValueKind.Number, actual["data"]!["p"]!.GetValueKind());
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task The_simulator_answers_the_client_frames_like_the_recorded_server(string transcript, int expectedExchanges)
    {
        // The transcripts log in with empty credentials.
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [new SimAccount("fx", "coinw", "", "")], TickInterval = null });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(host.CoinWUri, default);
        var lines = File.ReadAllLines(FixturePath(transcript));
        var exchanges = 0;
        foreach (var line in lines.TakeWhile(l => !l.StartsWith('=')))
        {
            if (line.StartsWith('>'))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(line[1..].Trim()), WebSocketMessageType.Text, true, default);
            }
            else if (line.StartsWith('<'))
            {
                var buffer = new byte[8192];
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                var actual = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
                var expected = JsonNode.Parse(line[1..].Trim());
                Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()} but got {actual?.ToJsonString()}");
                exchanges++;
            }
        }
        Assert.Equal(expectedExchanges, exchanges);
    }
}
