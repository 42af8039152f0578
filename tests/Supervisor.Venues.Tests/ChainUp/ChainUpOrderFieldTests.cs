using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;
using static Supervisor.Venues.Tests.ChainUp.ChainUpFrames;

namespace Supervisor.Venues.Tests.ChainUp;

/// <summary>Every documented field of the <c>order</c> and <c>trigOrder</c> pushes, through the codec (gzip) and its general path.</summary>
public sealed class ChainUpOrderFieldTests
{
    private const string Oto = "\"otoOrder\":{\"takerProfitStatus\":true,\"takerProfitTrigger\":70000,\"takerProfitPrice\":\"69950.5\",\"takerProfitTriggerId\":\"1400000000000000007\",\"stopLossStatus\":false,\"stopLossTrigger\":\"60000\",\"stopLossPrice\":0,\"stopLossTriggerId\":null}";

    private static string Order(string extra = "\"type\":1,\"avgPrice\":64000.25,\"tradeFee\":0.128,\"realizedAmount\":-1.5," + Oto) =>
        "{\"channel\":\"order\",\"order\":{\"orderId\":\"2100000000000000001\",\"contractId\":1,\"contractName\":\"E-BTC-USDT\",\"symbol\":\"BTC-USDT\",\"contractSide\":1,\"price\":64000,\"pricePrecision\":1,\"dealVolume\":10,\"volume\":25,\"orderAction\":\"3\"" + (extra.Length > 0 ? "," + extra : "") + "}}";

    private static string Trigger(string extra = "\"type\":2,\"price\":\"61003.5\",\"triggerType\":3,\"ctime\":1735689610000,\"expireTime\":\"1736899210000\"") =>
        "{\"channel\":\"trigOrder\",\"trigOrder\":{\"triggerOrderId\":\"1400000000000000002\",\"side\":\"sell\",\"triggerPrice\":60000,\"volume\":25,\"orderAction\":\"1\"" + (extra.Length > 0 ? "," + extra : "") + "}}";

    private static OrderChanged OrderOf(string frame)
    {
        var result = Both(frame);
        Assert.Null(result.Error);
        return Assert.IsType<OrderChanged>(Assert.Single(result.Events));
    }

    private static TriggerOrderChanged TriggerOf(string frame)
    {
        var result = Both(frame);
        Assert.Null(result.Error);
        return Assert.IsType<TriggerOrderChanged>(Assert.Single(result.Events));
    }

    [Fact]
    public void An_order_carries_its_type_average_price_fee_realized_profit_and_take_profit_stop_loss()
    {
        Assert.Equal(new OrderChanged("chainup", "2100000000000000001", "E-BTC-USDT", null, 64000m, 25m, 10m, OrderStatus.PartiallyFilled)
        {
            OrderType = OrderTypes.Limit,
            AveragePrice = 64000.25m,
            Fee = 0.128m,
            RealizedPnl = -1.5m,
            TakeProfitStopLoss = new TakeProfitStopLoss(true, 70000m, 69950.5m, "1400000000000000007", false, 60000m, 0m, null),
        }, OrderOf(Order()));
    }

    [Fact]
    public void Order_numbers_may_be_strings_and_trigger_ids_numbers()
    {
        var order = OrderOf(Order("\"type\":\"5\",\"avgPrice\":\"64000.123456789012345678\",\"tradeFee\":\"0.128\",\"realizedAmount\":\"0\",\"otoOrder\":{\"takerProfitTriggerId\":1400000000000000007,\"stopLossTriggerId\":\"88\"}"));

        Assert.Equal(OrderTypes.PostOnly, order.OrderType);
        Assert.Equal("64000.123456789012345678", order.AveragePrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((0.128m, 0m), (order.Fee, order.RealizedPnl));
        // A leg the venue leaves out is unset, at 0.
        Assert.Equal(new TakeProfitStopLoss(false, 0m, 0m, "1400000000000000007", false, 0m, 0m, "88"), order.TakeProfitStopLoss);
    }

    [Fact]
    public void An_order_without_the_optional_fields_or_with_nulls_leaves_them_null()
    {
        var expected = new OrderChanged("chainup", "2100000000000000001", "E-BTC-USDT", null, 64000m, 25m, 10m, OrderStatus.PartiallyFilled);

        Assert.Equal(expected, OrderOf(Order("")));
        Assert.Equal(expected, OrderOf(Order("\"type\":null,\"avgPrice\":null,\"tradeFee\":null,\"realizedAmount\":null,\"otoOrder\":null")));
    }

    [Theory]
    [InlineData("1", OrderTypes.Limit)]
    [InlineData("2", OrderTypes.Market)]
    [InlineData("3", OrderTypes.ImmediateOrCancel)]
    [InlineData("4", OrderTypes.FillOrKill)]
    [InlineData("5", OrderTypes.PostOnly)]
    [InlineData("6", OrderTypes.ForcedReduction)]
    [InlineData("7", OrderTypes.PositionConsolidation)]
    [InlineData("8", "8")]
    [InlineData("9", OrderTypes.SystemClose)]
    [InlineData("10", OrderTypes.SystemDelivery)]
    [InlineData("\"10\"", OrderTypes.SystemDelivery)]
    [InlineData("11", "11")]
    [InlineData("\"GTX\"", "GTX")]
    public void Order_type_codes_map_to_the_normalized_names_and_others_are_kept(string type, string expected) =>
        Assert.Equal(expected, OrderOf(Order("\"type\":" + type)).OrderType);

    [Theory]
    [InlineData("\"type\":\"\"")]
    [InlineData("\"type\":true")]
    [InlineData("\"type\":{}")]
    [InlineData("\"avgPrice\":\"\"")]
    [InlineData("\"avgPrice\":[1]")]
    [InlineData("\"tradeFee\":true")]
    [InlineData("\"tradeFee\":\"abc\"")]
    [InlineData("\"realizedAmount\":{}")]
    [InlineData("\"otoOrder\":[]")]
    [InlineData("\"otoOrder\":\"none\"")]
    [InlineData("\"otoOrder\":5")]
    [InlineData("\"otoOrder\":{\"takerProfitStatus\":\"true\"}")]
    [InlineData("\"otoOrder\":{\"stopLossStatus\":1}")]
    [InlineData("\"otoOrder\":{\"takerProfitTrigger\":\"\"}")]
    [InlineData("\"otoOrder\":{\"stopLossPrice\":true}")]
    [InlineData("\"otoOrder\":{\"takerProfitPrice\":{}}")]
    [InlineData("\"otoOrder\":{\"stopLossTriggerId\":false}")]
    [InlineData("\"otoOrder\":{\"takerProfitTriggerId\":{}}")]
    public void Malformed_order_fields_are_typed_errors(string field) =>
        Assert.Equal(DecodeErrorKind.UnexpectedShape, Both(Order(field)).Error?.Kind);

    [Fact]
    public void A_trigger_order_carries_its_price_type_kind_and_times()
    {
        Assert.Equal(new TriggerOrderChanged("chainup", "1400000000000000002", "", TradeSide.Short, 60000m, 25m, OrderStatus.New)
        {
            Price = 61003.5m,
            OrderType = OrderTypes.Market,
            TriggerKind = OrderTypes.RiseTo,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1735689610000),
            ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(1736899210000),
        }, TriggerOf(Trigger()));
    }

    [Theory]
    [InlineData("1", OrderTypes.StopLoss)]
    [InlineData("2", OrderTypes.TakeProfit)]
    [InlineData("3", OrderTypes.RiseTo)]
    [InlineData("\"4\"", OrderTypes.FallTo)]
    [InlineData("5", "5")]
    public void Trigger_kinds_map_to_the_normalized_names_and_others_are_kept(string code, string expected) =>
        Assert.Equal(expected, TriggerOf(Trigger("\"triggerType\":" + code)).TriggerKind);

    [Theory]
    [InlineData("1", OrderTypes.Limit)]
    [InlineData("\"2\"", OrderTypes.Market)]
    [InlineData("3", "3")]
    public void Trigger_order_types_are_limit_or_market_and_others_are_kept(string code, string expected) =>
        Assert.Equal(expected, TriggerOf(Trigger("\"type\":" + code)).OrderType);

    [Fact]
    public void A_trigger_order_without_the_optional_fields_or_with_nulls_leaves_them_null()
    {
        var expected = new TriggerOrderChanged("chainup", "1400000000000000002", "", TradeSide.Short, 60000m, 25m, OrderStatus.New);

        Assert.Equal(expected, TriggerOf(Trigger("")));
        Assert.Equal(expected, TriggerOf(Trigger("\"type\":null,\"price\":null,\"triggerType\":null,\"ctime\":null,\"expireTime\":null")));
    }

    [Theory]
    [InlineData("\"ctime\":-1")]
    [InlineData("\"ctime\":\"-1735689610000\"")]
    [InlineData("\"ctime\":1735689610000.5")]
    [InlineData("\"ctime\":\"\"")]
    [InlineData("\"ctime\":true")]
    [InlineData("\"expireTime\":99999999999999999999")]
    [InlineData("\"expireTime\":{}")]
    [InlineData("\"price\":\"\"")]
    [InlineData("\"price\":[0]")]
    [InlineData("\"type\":\"\"")]
    [InlineData("\"type\":false")]
    [InlineData("\"triggerType\":\"\"")]
    [InlineData("\"triggerType\":[]")]
    public void Malformed_trigger_order_fields_are_typed_errors(string field) =>
        Assert.Equal(DecodeErrorKind.UnexpectedShape, Both(Trigger(field)).Error?.Kind);
}
