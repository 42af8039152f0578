using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Supervisor.Tests.Fixtures;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

public sealed class CoinWCodecTests
{
    private readonly CoinWCodec _codec = new();

    private DecodeResult Decode(string frame) => _codec.Decode(Encoding.UTF8.GetBytes(frame));

    [Fact]
    public void The_order_fixture_decodes_exactly()
    {
        var result = Decode(Fixtures.CoinWPush("Order.txt"));
        Assert.Null(result.Error);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1739955929000);
        Assert.Equal(new OrderChanged("coinw", "33308740320587027", "BTC", TradeSide.Long, 95400m, 1m, 0m, OrderStatus.New)
        {
            OrderType = OrderTypes.Limit,
            OriginalOrderType = OrderTypes.Limit,
            Leverage = 1m,
            MarginMode = MarginMode.Isolated,
            Margin = 95.4m,
            PositionMargin = 95.4m,
            Fee = 0m,
            FrozenFee = 0.00954m,
            MakerFeeRate = 0.0001m,
            TakerFeeRate = 0.0006m,
            BaseQuantity = 0.001m,
            LiquidatedBy = "manual",
            Source = "api",
            CreatedAt = at,
            UpdatedAt = at,
        }, Assert.Single(result.Events));
    }

    [Fact]
    public void Trigger_orders_on_the_order_channel_decode_as_trigger_orders()
    {
        var frame = Fixtures.CoinWPush("Order.txt").Replace("\"posType\": \"plan\"", "\"posType\": \"planTrigger\"", StringComparison.Ordinal);
        var trigger = Assert.IsType<TriggerOrderChanged>(Assert.Single(Decode(frame).Events));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1739955929000);
        Assert.Equal(new TriggerOrderChanged("coinw", "33308740320587027", "BTC", TradeSide.Long, 95400m, 1m, OrderStatus.New)
        {
            Price = 95400m,
            Leverage = 1m,
            MarginMode = MarginMode.Isolated,
            Source = "api",
            CreatedAt = at,
            UpdatedAt = at,
        }, trigger);
    }

    [Fact]
    public void The_position_fixture_decodes_exactly()
    {
        var result = Decode(Fixtures.CoinWPush("Position.txt"));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1740569719634);
        Assert.Equal(new PositionChanged("coinw", "2435521222631981320", "BTC", TradeSide.Short, 1m, 88802.7m, 1m, 88.8027m)
        {
            MarginMode = MarginMode.Isolated,
            PositionMargin = 88.8027m,
            Fee = 0.05328162m,
            FundingFee = 0m,
            ClosedQuantity = 0m,
            BaseQuantity = 0.001m,
            OpenedAt = at,
            UpdatedAt = at,
        }, Assert.Single(result.Events));
    }

    [Fact]
    public void The_position_change_fixture_decodes_to_a_fill()
    {
        var fill = Assert.IsType<FillReceived>(Assert.Single(Decode(Fixtures.CoinWPush("PositionDetail.txt")).Events));
        Assert.Equal("21412625432427527", fill.FillId);
        Assert.Equal("33308809187064313", fill.OrderId);
        Assert.Equal(TradeSide.Long, fill.Side);
        Assert.Equal(0.055707m, fill.Fee);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1745501769376);
        Assert.Equal(new FillReceived("coinw", "21412625432427527", "33308809187064313", "BTC", TradeSide.Long, 92845m, 1m, 0.055707m)
        {
            PositionId = "2435521222633466843",
            RealizedPnl = 0m,
            FeeRate = 0.0006m,
            Liquidity = Liquidity.Taker,
            Closing = false,
            EntryPrice = 92845m,
            ClosePrice = 0m,
            Leverage = 5m,
            MarginMode = MarginMode.Isolated,
            FundingFee = 0m,
            PositionQuantity = 1m,
            LiquidatedBy = "manual",
            Source = "api",
            ExecutedAt = at,
        }, fill);
    }

    [Fact]
    public void The_assets_fixture_and_the_duplicated_official_example_decode_to_one_balance()
    {
        var balance = Assert.IsType<AssetBalanceChanged>(Assert.Single(Decode(Fixtures.CoinWPush("Balance.txt")).Events));
        Assert.Equal(new AssetBalanceChanged("coinw", "USDT", 488.53777423m, 0m, 0m)
        {
            Hold = 0m,
            AvailableMargin = 488.53777423m,
            Transferable = 488.53777423m,
            UnrealizedPnl = 0m,
            CouponBalance = 0m,
        }, balance);
        var duplicated = Decode("""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":488.53,"margin":1.5,"freeze":0.25,"hold":0.25,"type":7,"userId":1162061},{"currency":"usdt","available":488.53,"margin":1.5,"freeze":0.25,"hold":0.25,"type":7,"userId":1162061}],"type":"assets"}""");
        // freeze and hold are apart: Frozen is freeze alone.
        Assert.Equal(new AssetBalanceChanged("coinw", "USDT", 488.53m, 0.25m, 1.5m) { Hold = 0.25m }, Assert.Single(duplicated.Events));
    }

    [Fact]
    public void Mark_prices_use_the_pair_code_in_upper_case()
    {
        var mark = Assert.IsType<MarkPriceChanged>(Assert.Single(Decode("""{"biz":"futures","pairCode":"btc","data":{"p":86470.0,"t":1790131588720,"n":"btc"},"type":"mark_price"}""").Events));
        Assert.Equal(new MarkPriceChanged("coinw", "BTC", 86470.0m) { At = DateTimeOffset.FromUnixTimeMilliseconds(1790131588720) }, mark);
        Assert.Equal(new MarkPriceChanged("coinw", "ETH", 92383.3m), Assert.Single(Decode(Fixtures.CoinWPush("MarkPrice.txt")).Events));
    }

    [Fact]
    public void Control_frames_decode_to_their_kinds()
    {
        Assert.IsType<ControlFrame.Pong>(Assert.Single(Decode("""{"event":"pong"}""").Control));
        Assert.Equal(new ControlFrame.LoginReply(true, null, null), Assert.Single(Decode("""{ "data": {"result": true}, "channel": "login"}""").Control));
        Assert.Equal(new ControlFrame.LoginReply(false, "1007", "bad key"), Assert.Single(Decode("""{"channel":"login","data":{"result":false,"errorCode":1007,"errorMsg":"bad key"}}""").Control));
        Assert.Equal(new ControlFrame.SubscriptionReply(true, "order", true, null, null), Assert.Single(Decode("""{"biz": "futures", "data": {"result": true}, "channel": "subscribe", "type": "order"}""").Control));
        Assert.Equal(new ControlFrame.SubscriptionReply(false, "depth", true, null, null) { PairCode = "BTC" }, Assert.Single(Decode("""{"biz":"futures","pairCode":"BTC","data":{"result":true},"channel":"unsub","type":"depth"}""").Control));
        Assert.Equal(new ControlFrame.SubscriptionReply(true, "mark_price", true, null, null) { PairCode = "btc" },
            Assert.Single(Decode("""{"biz":"futures","pairCode":"btc","data":{"result":true},"channel":"subscribe","type":"mark_price"}""").Control));
        Assert.Equal(new ControlFrame.SubscriptionReply(true, "deep", false, "1007", "Invalid parameter"), Assert.Single(Decode("""{"biz":"futures","data":{"result":false,"errorCode":1007,"errorMsg":"Invalid parameter"},"channel":"subscribe","type":"deep"}""").Control));
        Assert.Equal(new ControlFrame.Error("500", "exception"), Assert.Single(Decode("""{"result":false,"errorCode":500,"errorMsg":"exception"}""").Control));
        Assert.Equal(new ControlFrame.Error("1001", "Rate Limit"), Assert.Single(Decode("""{"result":false,"errorCode":1001,"errorMsg":"Rate Limit"}""").Control));
    }

    [Fact]
    public void Commands_are_encoded_as_documented()
    {
        Assert.Equal("""{"event":"login","params":{"api_key":"k","passphrase":"s"}}""", Encoding.UTF8.GetString(CoinWCodec.Login("k", "s")));
        Assert.Equal("""{"event":"sub","params":{"biz":"futures","type":"order"}}""", Encoding.UTF8.GetString(CoinWCodec.Subscribe("order")));
        Assert.Equal("""{"event":"unsub","params":{"biz":"futures","type":"mark_price","pairCode":"BTC"}}""", Encoding.UTF8.GetString(CoinWCodec.Unsubscribe("mark_price", "BTC")));
        Assert.Equal("""{"event":"ping"}""", Encoding.UTF8.GetString(CoinWCodec.Ping()));
    }

    [Theory]
    [InlineData("not json", DecodeErrorKind.MalformedJson)]
    // Truncated: System.Text.Json's message speaks of "depth" here too, but the frame is malformed, not too deep.
    [InlineData("{\"not\":\"a venue frame\"", DecodeErrorKind.MalformedJson)]
    [InlineData("{\"type\":\"order\",\"data\":[{\"id\":\"1\"}]}", DecodeErrorKind.UnexpectedShape)]
    [InlineData("{\"type\":\"order\",\"data\":{}}", DecodeErrorKind.UnexpectedShape)]
    [InlineData("{\"type\":\"teleport\",\"data\":[]}", DecodeErrorKind.UnexpectedShape)]
    [InlineData("[1,2,3]", DecodeErrorKind.UnexpectedShape)]
    [InlineData("{\"type\":\"assets\",\"data\":[{\"currency\":\"usdt\",\"available\":1e400}]}", DecodeErrorKind.UnexpectedShape)]
    public void Bad_frames_give_typed_errors(string frame, DecodeErrorKind kind)
    {
        var result = Decode(frame);
        Assert.Equal(kind, result.Error?.Kind);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Oversized_and_too_deep_frames_are_refused_before_parsing_them_whole()
    {
        var codec = new CoinWCodec(new DecoderLimits { MaxFrameBytes = 1000, MaxJsonDepth = 16 });
        Assert.Equal(DecodeErrorKind.TooLarge, codec.Decode(new byte[1001]).Error?.Kind);
        var deep = new string('[', 100) + new string(']', 100);
        Assert.Equal(DecodeErrorKind.TooDeep, codec.Decode(Encoding.UTF8.GetBytes(deep)).Error?.Kind);
    }

    [Fact]
    public void Error_snippets_are_short()
    {
        var error = Decode("x" + new string('y', 10_000)).Error!;
        Assert.True(error.Snippet.Length <= 121);
    }

    [Property(MaxTest = 500)]
    public bool Random_bytes_never_throw(byte[] frame) => _codec.Decode(frame) is { } result && (result.Error is not null || result.Events.Count + result.Control.Count >= 0);

    [Property(MaxTest = 300)]
    public bool Mutated_fixtures_never_throw(PositiveInt seed)
    {
        var bytes = Encoding.UTF8.GetBytes(Fixtures.CoinWPush("Order.txt"));
        var random = new Random(seed.Get);
        for (var i = 0; i < 1 + random.Next(5); i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
        var truncated = bytes.AsSpan(0, random.Next(bytes.Length + 1));
        return _codec.Decode(bytes) is not null && _codec.Decode(truncated) is not null;
    }
}
