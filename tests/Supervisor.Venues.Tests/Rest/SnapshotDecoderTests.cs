using System.Text;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;
using Supervisor.Venues.Rest;

namespace Supervisor.Venues.Tests.Rest;

/// <summary>The REST snapshot decoders on the documented shapes, the venues' error codes and hostile bodies.</summary>
public sealed class SnapshotDecoderTests
{
    private static readonly CoinWSnapshotDecoder CoinW = new();
    private static readonly ChainUpSnapshotDecoder ChainUp = new();

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void CoinW_positions_decode_from_the_documented_example()
    {
        var result = CoinW.Positions(B("""{"code":0,"msg":"","data":[{"id":2435521222635399758,"instrument":"BTC","base":"btc","direction":"short","currentPiece":1,"openPrice":108827.9,"liquidationPrice":162591.22,"profitUnreal":0.01,"status":"open","leverage":"20","margin":5.44}]}"""));

        var position = Assert.Single(result.Value!);
        Assert.Equal(new PositionChanged("coinw", "2435521222635399758", "BTC", TradeSide.Short, 1m, 108827.9m, 20m, 5.44m)
        {
            LiquidationPrice = 162591.22m,
            UnrealizedPnl = 0.01m,
        }, position);
    }

    [Fact]
    public void CoinW_assets_use_the_rest_field_names()
    {
        var result = CoinW.Assets(B("""{"code":0,"msg":"","data":{"availableMargin":488.53,"availableUsdt":488.53,"alMargin":12.5,"alFreeze":"1.25","almightyGold":0,"userId":1162061,"time":1745501769376}}"""));
        var strings = CoinW.Assets(B("""{"code":0,"msg":"","data":{"availableMargin":"480.12345678901234567890","availableUsdt":"488.53","almightyGold":"5"}}"""));

        Assert.Equal(new AssetBalanceChanged("coinw", "USDT", 488.53m, 1.25m, 12.5m) { AvailableMargin = 488.53m, CouponBalance = 0m }, result.Value);
        Assert.Equal(new AssetBalanceChanged("coinw", "USDT", 488.53m, 0m, 0m) { AvailableMargin = 480.12345678901234567890m, CouponBalance = 5m }, strings.Value);
    }

    [Fact]
    public void CoinW_open_orders_decode_from_a_list_or_a_page()
    {
        const string Order = """{"id":"33308740320587027","instrument":"btc","direction":"long","orderPrice":"95400","totalPiece":"5","currentPiece":"3","orderStatus":"part"}""";

        var list = CoinW.OpenOrders(B("""{"code":0,"msg":"","data":[""" + Order + "]}"));
        var page = CoinW.OpenOrders(B("""{"code":0,"msg":"","data":{"rows":[""" + Order + """],"nextId":0,"prevId":0,"total":1}}"""));

        var expected = new OrderChanged("coinw", "33308740320587027", "BTC", TradeSide.Long, 95400m, 5m, 2m, OrderStatus.PartiallyFilled);
        Assert.Equal(expected, Assert.Single(list.Value!));
        Assert.Equal(expected, Assert.Single(page.Value!));
    }

    [Fact]
    public void CoinW_trigger_orders_decode_with_their_trigger_price_or_the_order_price_without_one()
    {
        var result = CoinW.TriggerOrders(B("""
            {"code":0,"msg":"","data":{"rows":[
              {"id":"33308740320587100","instrument":"eth","direction":"short","orderPrice":"3100","triggerPrice":"3150.5","totalPiece":"2","positionType":"planTrigger"},
              {"id":33308740320587101,"instrument":"BTC","direction":"long","orderPrice":96000,"totalPiece":1}],"total":2}}
            """));

        Assert.Equal<TriggerOrderChanged>([
            new("coinw", "33308740320587100", "ETH", TradeSide.Short, 3150.5m, 2m, OrderStatus.New) { Price = 3100m },
            new("coinw", "33308740320587101", "BTC", TradeSide.Long, 96000m, 1m, OrderStatus.New) { Price = 96000m }], result.Value!);
        Assert.Equal(RestErrorKind.UnexpectedShape, CoinW.TriggerOrders(B("""{"code":0,"msg":"","data":[{"id":1,"direction":"long","totalPiece":1}]}""")).Error?.Kind);
    }

    [Fact]
    public void CoinW_positions_carry_the_rest_only_figures_and_the_push_fields_a_row_has()
    {
        var result = CoinW.Positions(B("""
            {"code":0,"msg":"","data":[{"id":2435521222635399758,"instrument":"btc","base":"btc","direction":"long","currentPiece":"2","openPrice":108827.9,"leverage":20,"margin":5.44,
              "liquidationPrice":"162591.22","profitUnreal":-0.01,"profitReal":"12345678901234567890.123456","positionModel":1,"positionMargin":5.45,"fee":"0.0653",
              "fundingSettle":-0.002,"fundingFee":0.5,"closedPiece":1,"baseSize":"0.002","createdDate":1740569719634,"updatedDate":"1740569719999","status":"open"}]}
            """));

        Assert.Equal(new PositionChanged("coinw", "2435521222635399758", "BTC", TradeSide.Long, 2m, 108827.9m, 20m, 5.44m)
        {
            LiquidationPrice = 162591.22m,
            UnrealizedPnl = -0.01m,
            RealizedPnl = 12345678901234567890.123456m,
            MarginMode = MarginMode.Cross,
            PositionMargin = 5.45m,
            Fee = 0.0653m,
            FundingFee = -0.002m,
            ClosedQuantity = 1m,
            BaseQuantity = 0.002m,
            OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(1740569719634),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1740569719999),
        }, Assert.Single(result.Value!));
    }

    [Fact]
    public void CoinW_open_orders_carry_leverage_margin_mode_type_and_times()
    {
        var result = CoinW.OpenOrders(B("""
            {"code":0,"msg":"","data":{"rows":[
              {"id":"1","instrument":"btc","direction":"long","orderPrice":"95400","totalPiece":"5","currentPiece":"5","orderStatus":"unFinish","posType":"plan","originalType":"plan","leverage":"10","positionModel":0,"createdDate":1739955929000,"updatedDate":1739955929500},
              {"id":"2","instrument":"eth","direction":"short","orderPrice":3100,"totalPiece":1,"positionType":"execute","leverage":5,"positionModel":"1"},
              {"id":"3","instrument":"eth","direction":"short","orderPrice":3100,"totalPiece":1,"positionType":"moveStopProfitLoss","posType":"plan"}],"total":3}}
            """));

        Assert.Equal<OrderChanged>([
            new("coinw", "1", "BTC", TradeSide.Long, 95400m, 5m, 0m, OrderStatus.New)
            {
                OrderType = OrderTypes.Limit,
                OriginalOrderType = OrderTypes.Limit,
                Leverage = 10m,
                MarginMode = MarginMode.Isolated,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1739955929000),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1739955929500),
            },
            new("coinw", "2", "ETH", TradeSide.Short, 3100m, 1m, 0m, OrderStatus.New) { OrderType = OrderTypes.Market, Leverage = 5m, MarginMode = MarginMode.Cross },
            new("coinw", "3", "ETH", TradeSide.Short, 3100m, 1m, 0m, OrderStatus.New) { OrderType = OrderTypes.Limit }], result.Value!);
    }

    [Fact]
    public void CoinW_trigger_orders_carry_leverage_margin_mode_and_times_but_not_their_own_type_as_the_fired_order_s()
    {
        var result = CoinW.TriggerOrders(B("""
            {"code":0,"msg":"","data":[{"id":"7","instrument":"btc","direction":"long","orderPrice":"96000","triggerPrice":"95500","totalPiece":"1","positionType":"planTrigger","leverage":"10","positionModel":0,"source":"api","createdDate":"1739955929000","updatedDate":1739955929001}]}
            """));

        Assert.Equal(new TriggerOrderChanged("coinw", "7", "BTC", TradeSide.Long, 95500m, 1m, OrderStatus.New)
        {
            Price = 96000m,
            Leverage = 10m,
            MarginMode = MarginMode.Isolated,
            Source = "api",
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1739955929000),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1739955929001),
        }, Assert.Single(result.Value!));
    }

    [Theory]
    [InlineData("\"positionModel\":2")]
    [InlineData("\"positionModel\":\"\"")]
    [InlineData("\"liquidationPrice\":\"\"")]
    [InlineData("\"profitUnreal\":true")]
    [InlineData("\"profitReal\":{}")]
    [InlineData("\"fundingSettle\":[]")]
    [InlineData("\"createdDate\":-1")]
    [InlineData("\"updatedDate\":1.5")]
    public void CoinW_malformed_position_fields_are_typed_errors(string field) =>
        Assert.Equal(RestErrorKind.UnexpectedShape, CoinW.Positions(B($$"""{"code":0,"msg":"","data":[{"id":1,"instrument":"BTC","direction":"long","currentPiece":1,"openPrice":1,"leverage":1,{{field}}}]}""")).Error?.Kind);

    [Theory]
    [InlineData("OpenOrders", "\"positionModel\":3")]
    [InlineData("OpenOrders", "\"leverage\":\"\"")]
    [InlineData("OpenOrders", "\"createdDate\":\"\"")]
    [InlineData("OpenOrders", "\"positionType\":{}")]
    [InlineData("TriggerOrders", "\"positionModel\":-1")]
    [InlineData("TriggerOrders", "\"leverage\":false")]
    [InlineData("TriggerOrders", "\"updatedDate\":253402300800000")]
    public void CoinW_malformed_order_fields_are_typed_errors(string call, string field)
    {
        var body = B($$"""{"code":0,"msg":"","data":[{"id":1,"instrument":"BTC","direction":"long","orderPrice":1,"totalPiece":1,{{field}}}]}""");

        var kind = call == "OpenOrders" ? CoinW.OpenOrders(body).Error?.Kind : CoinW.TriggerOrders(body).Error?.Kind;

        Assert.Equal(RestErrorKind.UnexpectedShape, kind);
    }

    [Theory]
    [InlineData("\"availableMargin\":\"\"")]
    [InlineData("\"almightyGold\":{}")]
    public void CoinW_malformed_asset_fields_are_typed_errors(string field) =>
        Assert.Equal(RestErrorKind.UnexpectedShape, CoinW.Assets(B("""{"code":0,"msg":"","data":{"availableUsdt":1,""" + field + "}}")).Error?.Kind);

    [Theory]
    [InlineData("""{"code":29001,"msg":"API access frequently"}""", RestErrorKind.RateLimited)]
    [InlineData("""{"code":6001,"msg":"invalid sign"}""", RestErrorKind.InvalidSignature)]
    [InlineData("""{"code":"6000","msg":"auth"}""", RestErrorKind.AuthenticationFailed)]
    [InlineData("""{"code":9111,"msg":"symbol not tradable"}""", RestErrorKind.VenueError)]
    [InlineData("""not json""", RestErrorKind.MalformedJson)]
    [InlineData("""{"code":0,"msg":"","data":{"rows":"nope"}}""", RestErrorKind.UnexpectedShape)]
    [InlineData("""{"code":0,"msg":"","data":[{"id":1,"instrument":"BTC","direction":"sideways","orderPrice":1,"totalPiece":1}]}""", RestErrorKind.UnexpectedShape)]
    [InlineData("""[1,2,3]""", RestErrorKind.UnexpectedShape)]
    public void CoinW_errors_and_bad_bodies_are_typed(string body, RestErrorKind kind)
    {
        var result = CoinW.OpenOrders(B(body));

        Assert.Equal(kind, result.Error?.Kind);
        Assert.Null(result.Value);
    }

    [Fact]
    public void ChainUp_account_gives_balances_and_live_positions_with_19_digit_ids_intact()
    {
        var result = ChainUp.Account(B("""
            {"account":[{"marginCoin":"USDT","accountNormal":5000.00000000,"accountLock":"12.5","partPositionNormal":250,"totalPositionNormal":0,
              "positionVos":[{"contractId":1,"contractName":"E-BTC-USDT","contractSymbol":"BTC-USDT","positions":[
                {"id":1234567890123456789,"side":"BUY","volume":25,"openPrice":64000.5,"avgPrice":64000.5,"leverageLevel":10,"holdAmount":160.00125,"status":1},
                {"id":2,"side":"SELL","volume":0,"openPrice":1,"leverageLevel":1,"status":1},
                {"id":3,"side":"SELL","volume":5,"openPrice":1,"leverageLevel":1,"status":0}]}]}]}
            """));

        var snapshot = result.Value!;
        Assert.Equal(new AssetBalanceChanged("chainup", "USDT", 5000m, 12.5m, 250m), Assert.Single(snapshot.Balances));
        Assert.Equal(new PositionChanged("chainup", "1234567890123456789", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160.00125m), Assert.Single(snapshot.Positions));
    }

    [Fact]
    public void ChainUp_open_orders_accept_the_wrapped_form_and_exponent_zeroes()
    {
        var result = ChainUp.OpenOrders(B("""{"code":"0","msg":"suc","data":[{"orderId":1234567890123456789,"contractName":"E-ETH-USDT","side":"SELL","price":3210.25,"origQty":4,"executedQty":0E-8,"status":"NEW","type":"LIMIT"}]}"""));

        Assert.Equal(new OrderChanged("chainup", "1234567890123456789", "E-ETH-USDT", TradeSide.Short, 3210.25m, 4m, 0m, OrderStatus.New) { OrderType = OrderTypes.Limit },
            Assert.Single(result.Value!));
    }

    [Fact]
    public void ChainUp_positions_carry_margin_mode_realized_profit_and_liquidation_price()
    {
        const string Account = """
            {"account":[{"marginCoin":"USDT","accountNormal":"5000","positionVos":[{"contractName":"E-BTC-USDT","positions":[
              {"id":11,"positionType":1,"side":"BUY","volume":25,"openPrice":64000.5,"leverageLevel":10,"holdAmount":160,"realizedAmount":"-0.8","reducePrice":57800.20000000000000001,"status":1},
              {"id":12,"positionType":"2","side":"SELL","volume":1,"openPrice":64000,"leverageLevel":5,"realizedAmount":null,"status":1}]}]}]}
            """;

        var positions = ChainUp.Account(B(Account)).Value!.Positions;

        Assert.Equal(new PositionChanged("chainup", "11", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160m)
        {
            MarginMode = MarginMode.Cross,
            RealizedPnl = -0.8m,
            LiquidationPrice = 57800.20000000000000001m,
        }, positions[0]);
        Assert.Equal(new PositionChanged("chainup", "12", "E-BTC-USDT", TradeSide.Short, 1m, 64000m, 5m, 0m) { MarginMode = MarginMode.Isolated }, positions[1]);
    }

    [Theory]
    [InlineData("\"positionType\":3")]
    [InlineData("\"positionType\":\"\"")]
    [InlineData("\"realizedAmount\":true")]
    [InlineData("\"reducePrice\":\"\"")]
    public void ChainUp_malformed_position_fields_are_typed_errors(string field)
    {
        var body = "{\"account\":[{\"marginCoin\":\"USDT\",\"accountNormal\":1,\"positionVos\":[{\"contractName\":\"E-BTC-USDT\",\"positions\":[{\"id\":1,\"side\":\"BUY\",\"volume\":1,\"openPrice\":1,\"leverageLevel\":1," + field + "}]}]}]}";

        Assert.Equal(RestErrorKind.UnexpectedShape, ChainUp.Account(B(body)).Error?.Kind);
    }

    [Theory]
    [InlineData("\"type\":\"MARKET\"", OrderTypes.Market)]
    [InlineData("\"type\":\"limit\"", OrderTypes.Limit)]
    [InlineData("\"type\":\"POST_ONLY\"", "POST_ONLY")]
    [InlineData("\"type\":null", null)]
    [InlineData("\"side\":\"BUY\"", null)]
    public void ChainUp_open_orders_carry_the_order_type_and_the_average_price(string field, string? type)
    {
        var body = "[{\"orderId\":7,\"contractName\":\"E-BTC-USDT\",\"price\":1,\"origQty\":2,\"executedQty\":1,\"avgPrice\":\"1.000000000000000000001\",\"status\":\"PARTIALLY_FILLED\"," + field + "}]";

        var order = Assert.Single(ChainUp.OpenOrders(B(body)).Value!);

        Assert.Equal(type, order.OrderType);
        Assert.Equal("1.000000000000000000001", order.AveragePrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"code":-1022,"msg":"Signature for this request is not valid."}""", RestErrorKind.InvalidSignature)]
    [InlineData("""{"code":-2015,"msg":"Invalid API-key"}""", RestErrorKind.AuthenticationFailed)]
    [InlineData("""{"code":-1121,"msg":"Invalid symbol."}""", RestErrorKind.VenueError)]
    [InlineData("""[{"orderId":1}]""", RestErrorKind.UnexpectedShape)]
    [InlineData("""{"account":""", RestErrorKind.MalformedJson)]
    public void ChainUp_errors_and_bad_bodies_are_typed(string body, RestErrorKind kind) =>
        Assert.Equal(kind, ChainUp.OpenOrders(B(body)).Error?.Kind);

    [Theory]
    [InlineData(429, RestErrorKind.RateLimited)]
    [InlineData(418, RestErrorKind.RateLimited)]
    [InlineData(410, RestErrorKind.RateLimited)]
    [InlineData(403, RestErrorKind.AuthenticationFailed)]
    [InlineData(502, RestErrorKind.VenueError)]
    public void ChainUp_http_statuses_map_to_error_kinds(int status, RestErrorKind kind) =>
        Assert.Equal(kind, ChainUpSnapshotDecoder.StatusError(status)?.Kind);

    [Fact]
    public void Oversized_and_deeply_nested_bodies_are_refused()
    {
        var limits = new DecoderLimits { MaxDecompressedBytes = 1024, MaxJsonDepth = 8 };
        var decoder = new CoinWSnapshotDecoder(limits);

        Assert.Equal(RestErrorKind.TooLarge, decoder.Positions(new byte[2048]).Error?.Kind);
        Assert.Equal(RestErrorKind.MalformedJson, decoder.Positions(B(new string('[', 100) + new string(']', 100))).Error?.Kind);
    }
}
