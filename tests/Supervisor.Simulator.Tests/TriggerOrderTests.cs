using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Supervisor.Simulator.Model;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Simulator.Tests;

/// <summary>Trigger (plan) orders: the generator places, cancels and fires them; both venues push them; CoinW lists them over REST.</summary>
public sealed class TriggerOrderTests
{
    private static readonly HttpClient Http = new();

    private static List<ModelChange> Run(int seed, int steps)
    {
        var model = new AccountModel(Venues.CoinW, seed, new FakeTimeProvider());
        var changes = new List<ModelChange>();
        model.Changed += changes.Add;
        for (var i = 0; i < steps; i++)
        {
            model.Step();
        }
        return changes;
    }

    [Fact]
    public void The_generator_places_cancels_and_fires_trigger_orders_the_same_way_for_a_seed()
    {
        var changes = Run(42, 400);
        var triggers = changes.OfType<ModelChange.TriggerOrderUpdated>().ToList();

        Assert.Contains(triggers, t => t.Terminal is null);
        Assert.Contains(triggers, t => t.Terminal == "cancel");
        Assert.Contains(triggers, t => t.Terminal == "triggered");
        Assert.Equal(changes, Run(42, 400));
        Assert.NotEqual(changes, Run(43, 400));
    }

    [Fact]
    public void A_fired_trigger_leaves_the_truth_and_its_limit_order_enters_it()
    {
        var model = new AccountModel(Venues.CoinW, 42, new FakeTimeProvider());
        var changes = new List<ModelChange>();
        model.Changed += changes.Add;
        for (var i = 0; i < 400 && !changes.OfType<ModelChange.TriggerOrderUpdated>().Any(t => t.Terminal == "triggered"); i++)
        {
            changes.Clear();
            model.Step();
        }
        var fired = changes.OfType<ModelChange.TriggerOrderUpdated>().Single().Order;
        var placed = changes.OfType<ModelChange.OrderUpdated>().Single().Order;
        var truth = model.Truth();

        Assert.DoesNotContain(truth.TriggerOrders, t => t.Id == fired.Id);
        Assert.Contains(placed, truth.OpenOrders);
        Assert.Equal((fired.Instrument, fired.Long, fired.Price, fired.Quantity), (placed.Instrument, placed.Long, placed.Price, placed.Quantity));
    }

    [Fact]
    public async Task CoinW_pushes_trigger_orders_on_the_order_channel_as_planTrigger()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options(new FakeTimeProvider()));
        using var socket = await Venues.CoinWPrivateAsync(host);
        var codec = new CoinWCodec();
        var seen = new Dictionary<string, TriggerOrderChanged>();
        var raw = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.CoinW); frames > 0; frames--)
            {
                var text = await socket.ReceiveAsync();
                foreach (var trigger in codec.Decode(System.Text.Encoding.UTF8.GetBytes(text)).Events.OfType<TriggerOrderChanged>())
                {
                    raw.Add(text);
                    if (trigger.IsTerminal)
                    {
                        seen.Remove(trigger.OrderId);
                    }
                    else
                    {
                        seen[trigger.OrderId] = trigger;
                    }
                }
            }
        }
        var truth = host.Truth(Venues.CoinW.Id);

        Assert.NotEmpty(truth.TriggerOrders);
        Assert.Equal(truth.TriggerOrders.Select(t => t.Id).Order(), seen.Keys.Order());
        foreach (var t in truth.TriggerOrders)
        {
            var pushed = seen[t.Id];
            Assert.Equal((t.Instrument, t.Long ? TradeSide.Long : TradeSide.Short, t.TriggerPrice, t.Quantity, OrderStatus.New),
                (pushed.Instrument, pushed.Side, pushed.TriggerPrice, pushed.Quantity, pushed.Status));
        }
        using var first = JsonDocument.Parse(raw[0]);
        var item = first.RootElement.GetProperty("data")[0];
        Assert.Equal("planTrigger", item.GetProperty("posType").GetString());
        Assert.Equal("planTrigger", item.GetProperty("originalType").GetString());
    }

    [Fact]
    public async Task ChainUp_pushes_trigOrder_created_and_ended()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options(new FakeTimeProvider()));
        using var socket = await Venues.ChainUpPrivateAsync(host);
        var codec = new ChainUpCodec();
        var open = new Dictionary<string, TriggerOrderChanged>();
        for (var i = 0; i < 150; i++)
        {
            for (var frames = Venues.StepAndCountFrames(host, Venues.ChainUp); frames > 0; frames--)
            {
                var raw = await socket.ReceiveRawAsync();
                foreach (var trigger in codec.Decode(raw!.Value.Frame, raw.Value.Binary).Events.OfType<TriggerOrderChanged>())
                {
                    if (trigger.IsTerminal)
                    {
                        Assert.True(open.Remove(trigger.OrderId));
                    }
                    else
                    {
                        open[trigger.OrderId] = trigger;
                    }
                }
            }
        }
        var truth = host.Truth(Venues.ChainUp.Id);

        Assert.NotEmpty(truth.TriggerOrders);
        Assert.Equal(truth.TriggerOrders.Select(t => t.Id).Order(), open.Keys.Order());
        Assert.All(truth.TriggerOrders, t => Assert.Equal((t.TriggerPrice, t.Quantity, t.Long ? TradeSide.Long : TradeSide.Short),
            (open[t.Id].TriggerPrice, open[t.Id].Quantity, open[t.Id].Side)));
    }

    [Fact]
    public async Task CoinW_lists_waiting_trigger_orders_under_positionType_planTrigger_and_keeps_them_out_of_plan()
    {
        await using var host = await SimulatorHost.StartAsync(Venues.Options());
        for (var i = 0; i < 150; i++)
        {
            host.Step();
        }
        var truth = host.Truth(Venues.CoinW.Id);
        Assert.NotEmpty(truth.TriggerOrders);

        var triggers = await OpenOrdersAsync(host, "positionType=planTrigger");
        var limits = await OpenOrdersAsync(host, "positionType=plan");

        Assert.Equal(truth.TriggerOrders.Select(t => (t.Id, t.Price, t.Quantity)), triggers.Select(o => (o.OrderId, o.Price, o.Quantity)));
        Assert.Equal(truth.OpenOrders.Select(o => o.Id), limits.Select(o => o.OrderId));
    }

    private static async Task<IReadOnlyList<OrderChanged>> OpenOrdersAsync(SimulatorHost host, string query)
    {
        var signed = CoinWRestSigner.Sign(Venues.CoinW.ApiKey, Venues.CoinW.Secret, DateTimeOffset.UtcNow, "GET", "/v1/perpum/order", query);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUri, signed.PathAndQuery));
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Http.SendAsync(request);
        var decoded = new CoinWSnapshotDecoder().OpenOrders(await response.Content.ReadAsByteArrayAsync());
        Assert.True(decoded.IsSuccess, decoded.Error?.Message);
        return decoded.Value!;
    }
}
