using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Events;

namespace Supervisor.Simulator.Tests;

/// <summary>
/// Every private frame the simulator writes decodes with the client's codecs, and the decoded events, applied in
/// order, give back the ground truth: balances, positions, open orders, trigger orders and (CoinW) fills.
/// </summary>
public sealed class CodecDecodeTests
{
    private const int Steps = 120;

    [Fact]
    public async Task CoinW_frames_decode_to_the_ground_truth()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options(new FakeTimeProvider()));
        using var socket = await Venues.CoinWPrivateAsync(host);
        var codec = new CoinWCodec();
        var state = new DecodedState();
        for (var i = 0; i < Steps; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.CoinW); frames > 0; frames--)
            {
                var result = codec.Decode(System.Text.Encoding.UTF8.GetBytes(await socket.ReceiveAsync()));
                Assert.Null(result.Error);
                state.Apply(result.Events);
            }
        }

        AssertEqual(host.Truth(Venues.CoinW.Id), state, instrument: i => i);
    }

    [Fact]
    public async Task ChainUp_frames_decode_to_the_ground_truth()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options(new FakeTimeProvider()));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        var codec = new ChainUpCodec();
        var state = new DecodedState();
        for (var i = 0; i < Steps; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.ChainUp); frames > 0; frames--)
            {
                var raw = await socket.ReceiveRawAsync();
                var result = codec.Decode(raw!.Value.Frame, raw.Value.Binary);
                Assert.Null(result.Error);
                state.Apply(result.Events);
            }
        }

        AssertEqual(host.Truth(Venues.ChainUp.Id), state, instrument: i => $"E-{i}-USDT");
    }

    [Fact]
    public async Task CoinW_fills_arrive_on_position_change_with_the_truth_s_ids_prices_quantities_and_fees()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options(new FakeTimeProvider()));
        using var socket = await Venues.CoinWPrivateAsync(host);
        var codec = new CoinWCodec();
        var fills = new List<FillReceived>();
        for (var i = 0; i < 60; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.CoinW); frames > 0; frames--)
            {
                var text = await socket.ReceiveAsync();
                var decoded = codec.Decode(System.Text.Encoding.UTF8.GetBytes(text)).Events.OfType<FillReceived>().ToList();
                Assert.Equal(text.Contains("\"type\":\"position_change\"", StringComparison.Ordinal), decoded.Count == 1);
                fills.AddRange(decoded);
            }
        }
        var truth = host.Truth(Venues.CoinW.Id);

        Assert.True(truth.Fills > 0);
        Assert.Equal(truth.Fills, fills.Count);
        Assert.Equal(
            truth.RecentFills.Select(f => (f.Id, f.OrderId, f.Instrument, f.Long ? TradeSide.Long : TradeSide.Short, f.Price, f.Quantity, f.Fee)),
            fills.Select(f => (f.FillId, f.OrderId, f.Instrument, f.Side, f.Price, f.Quantity, f.Fee)));
    }

    private static void AssertEqual(AccountTruth truth, DecodedState state, Func<string, string> instrument)
    {
        var usdt = state.Balances["USDT"];
        Assert.Equal((truth.Available, truth.Frozen, truth.Margin), (usdt.Available, usdt.Frozen, usdt.Margin));
        Assert.Equal(
            truth.Positions.Select(p => (p.Id, instrument(p.Instrument), p.Long ? TradeSide.Long : TradeSide.Short, p.Quantity, p.EntryPrice, p.Leverage, p.Margin)),
            state.Positions.Values.OrderBy(p => p.PositionId, StringComparer.Ordinal).Select(p => (p.PositionId, p.Instrument, p.Side, p.Quantity, p.EntryPrice, p.Leverage, p.Margin)));
        Assert.Equal(
            truth.OpenOrders.Select(o => (o.Id, instrument(o.Instrument), o.Price, o.Quantity, o.Filled)),
            state.Orders.Values.OrderBy(o => o.OrderId, StringComparer.Ordinal).Select(o => (o.OrderId, o.Instrument, o.Price, o.Quantity, o.FilledQuantity)));
        Assert.Equal(
            truth.TriggerOrders.Select(t => (t.Id, t.Long ? TradeSide.Long : TradeSide.Short, t.TriggerPrice, t.Quantity)),
            state.Triggers.Values.OrderBy(t => t.OrderId, StringComparer.Ordinal).Select(t => (t.OrderId, t.Side, t.TriggerPrice, t.Quantity)));
        Assert.NotEmpty(truth.Positions);
        Assert.NotEmpty(truth.OpenOrders);
    }
}
