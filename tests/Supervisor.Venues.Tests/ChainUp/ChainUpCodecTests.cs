using System.IO.Compression;
using System.Text;
using FsCheck.Xunit;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.ChainUp;

public sealed class ChainUpCodecTests
{
    // The example frames of chainup.md §2.8, gzipped here as the venue sends them.
    private const string Create = """{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689601123","d":{"et":"CREATE","a":[{"c":"USDT","an":"5000.00000000","la":"12.50000000","pn":"250.00000000"}],"p":{"id":501,"cid":1,"pt":2,"cn":"E-BTC-USDT","con":"BTCUSDT","l":10,"pv":25,"op":64000.5,"rp":57800.2,"hm":160.00125,"ra":-0.8,"s":"BUY","mr":0.0125,"oa":160.00125,"ccv":25}}}""";
    private const string Update = """{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689605000","d":{"et":"UPDATE","a":[{"c":"USDT","an":"4999.20000000","la":"0.00000000","pn":"250.00000000"}],"p":{"id":501,"pv":30,"op":64010.1,"ccv":30}}}""";
    private const string Delete = """{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689700000","d":{"et":"DELETE","a":[{"c":"USDT","an":"5020.00000000","la":"0","pn":"0"}],"p":{"id":501}}}""";
    private const string Default = """{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689800000","d":{"et":"DEFAULT","a":[{"c":"USDT","an":"5120.00000000","la":"0","pn":"0"}],"p":{}}}""";
    private const string Adl = """{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"rp":57800.2,"ha":160.00125,"mr":0.0125,"bo":64100.1,"so":64100.3,"lt":64100.2,"tp":64099.87500000000000012}]}""";
    private const string Order = """{"channel":"order","order":{"orderId":"2100000000000000001","contractId":1,"contractName":"E-BTC-USDT","symbol":"BTC-USDT","contractSide":1,"type":1,"price":64000,"pricePrecision":1,"dealVolume":10,"volume":25,"avgPrice":64000,"tradeFee":0.128,"realizedAmount":0,"otoOrder":{"takerProfitStatus":false,"takerProfitTrigger":0,"takerProfitPrice":0,"takerProfitTriggerId":null,"stopLossStatus":false,"stopLossTrigger":0,"stopLossPrice":0,"stopLossTriggerId":null},"orderAction":"3"}}""";
    private const string Trigger = """{"channel":"trigOrder","trigOrder":{"triggerOrderId":"1400000000000000002","type":2,"side":"sell","triggerPrice":60000,"price":0,"volume":25,"triggerType":1,"ctime":1735689610000,"expireTime":1736899210000,"orderAction":"1"}}""";

    private readonly ChainUpCodec _codec = new();

    private static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    private DecodeResult Push(string json) => _codec.Decode(Gzip(json), isBinary: true);

    [Fact]
    public void A_position_is_created_updated_from_partial_fields_and_deleted()
    {
        var created = Push(Create).Events;
        Assert.Equal(new AssetBalanceChanged("chainup", "USDT", 5000m, 12.5m, 250m), created[0]);
        var position = new PositionChanged("chainup", "501", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160.00125m)
        {
            MarginMode = MarginMode.Isolated,
            LiquidationPrice = 57800.2m,
            RealizedPnl = -0.8m,
            MarginRate = 0.0125m,
            InitialMargin = 160.00125m,
            ClosableQuantity = 25m,
        };
        Assert.Equal(position, created[1]);
        var updated = Push(Update).Events;
        Assert.Equal(position with { Quantity = 30m, EntryPrice = 64010.1m, ClosableQuantity = 30m }, updated[1]);
        var deleted = Push(Delete).Events;
        Assert.Equal(new PositionClosed("chainup", "501", "E-BTC-USDT"), deleted[1]);
        Assert.Equal(new AssetBalanceChanged("chainup", "USDT", 5120m, 0m, 0m), Assert.Single(Push(Default).Events));
    }

    [Fact]
    public void ADL_frames_carry_the_rank_and_the_mark_price_with_all_its_digits()
    {
        Push(Create);
        var adl = Assert.IsType<AdlRankChanged>(Assert.Single(Push(Adl).Events));
        Assert.Equal(("501", "E-BTC-USDT", 3), (adl.PositionId, adl.Instrument, adl.Rank));
        Assert.Equal(64099.87500000000000012m, adl.MarkPrice);
        Assert.Equal("64099.87500000000000012", adl.MarkPrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Orders_and_trigger_orders_decode_with_the_documented_state_derivation()
    {
        Assert.Equal(new OrderChanged("chainup", "2100000000000000001", "E-BTC-USDT", null, 64000m, 25m, 10m, OrderStatus.PartiallyFilled)
        {
            OrderType = OrderTypes.Limit,
            AveragePrice = 64000m,
            Fee = 0.128m,
            RealizedPnl = 0m,
            TakeProfitStopLoss = new TakeProfitStopLoss(false, 0m, 0m, null, false, 0m, 0m, null),
        }, Assert.Single(Push(Order).Events));
        Assert.Equal(OrderStatus.Filled, ((OrderChanged)Push(Order.Replace("\"dealVolume\":10", "\"dealVolume\":25")).Events[0]).Status);
        Assert.Equal(OrderStatus.Cancelled, ((OrderChanged)Push(Order.Replace("\"orderAction\":\"3\"", "\"orderAction\":\"2\"")).Events[0]).Status);
        Assert.Equal(new TriggerOrderChanged("chainup", "1400000000000000002", "", TradeSide.Short, 60000m, 25m, OrderStatus.New)
        {
            Price = 0m,
            OrderType = OrderTypes.Market,
            TriggerKind = OrderTypes.StopLoss,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1735689610000),
            ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(1736899210000),
        }, Assert.Single(Push(Trigger).Events));
    }

    [Fact]
    public void Control_frames_text_and_gzip()
    {
        Assert.IsType<ControlFrame.Greeting>(Assert.Single(_codec.Decode("connect success"u8, isBinary: false).Control));
        Assert.IsType<ControlFrame.SubscriptionReply>(Assert.Single(_codec.Decode("sub success"u8, isBinary: false).Control));
        Assert.IsType<ControlFrame.Pong>(Assert.Single(_codec.Decode("""{"pong":1735689600001}"""u8, isBinary: false).Control));
        Assert.IsType<ControlFrame.Pong>(Assert.Single(Push("""{"pong":1735689600001}""").Control));
        Assert.Equal(new ControlFrame.Shutdown("SYSTEM close"), Assert.Single(Push("""{"channel":"SYSTEM","uid":2001,"et":"close"}""").Control));
    }

    [Fact]
    public void Commands_and_headers_are_encoded_as_documented()
    {
        Assert.Equal("""{"event":"sub","apiKey":"3f9c","broker":1003}""", Encoding.UTF8.GetString(ChainUpCodec.Subscribe("3f9c", 1003)));
        Assert.Equal("""{"event":"sub","token":"ab12","broker":1003}""", Encoding.UTF8.GetString(ChainUpCodec.SubscribeWithToken("ab12", 1003)));
        Assert.Equal("""{"event":"unsub","apiKey":"3f9c","broker":1003}""", Encoding.UTF8.GetString(ChainUpCodec.Unsubscribe("3f9c", 1003)));
        Assert.Equal("""{"ping":1735689600000}""", Encoding.UTF8.GetString(ChainUpCodec.Ping(DateTimeOffset.FromUnixTimeMilliseconds(1735689600000))));
        var headers = ChainUpCodec.ApiKeyHeaders("3f9c");
        Assert.Equal("3f9c", headers["api-key"]);
        Assert.Equal("3f9c", headers["apiKey"]);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_limit_and_garbage_is_a_compression_error()
    {
        var codec = new ChainUpCodec(new DecoderLimits { MaxDecompressedBytes = 64 * 1024 });
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[50 * 1024 * 1024]);
        }
        var bomb = output.ToArray();
        Assert.True(bomb.Length < 100_000);
        var result = codec.Decode(bomb, isBinary: true);
        Assert.Equal(DecodeErrorKind.BadCompression, result.Error?.Kind);
        Assert.Contains("gzip bomb", result.Error!.Message);
        Assert.Equal(DecodeErrorKind.BadCompression, codec.Decode("not gzip at all"u8, isBinary: true).Error?.Kind);
    }

    [Fact]
    public void A_push_that_inflates_to_exactly_the_limit_decodes_and_one_byte_more_is_refused()
    {
        const string Push = """{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3}]}""";
        var exact = Push.Length + 3000;
        var codec = new ChainUpCodec(new DecoderLimits { MaxDecompressedBytes = exact });

        var fits = codec.Decode(Gzip(Push + new string(' ', 3000)), isBinary: true);
        var over = codec.Decode(Gzip(Push + new string(' ', 3001)), isBinary: true);

        Assert.Null(fits.Error);
        Assert.Single(fits.Events);
        Assert.Equal(DecodeErrorKind.BadCompression, over.Error?.Kind);
    }

    [Theory]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"EXPLODE"}}""")]
    [InlineData("""{"channel":"order","order":{"orderId":"1"}}""")]
    [InlineData("""{"channel":"nope"}""")]
    [InlineData("""{"channel":"ADL_PRICE","l":[{"id":1,"al":"x"}]}""")]
    public void Unexpected_shapes_are_typed_errors(string json) =>
        Assert.Equal(DecodeErrorKind.UnexpectedShape, Push(json).Error?.Kind);

    [Property(MaxTest = 500)]
    public bool Random_frames_never_throw(byte[] frame, bool binary) => _codec.Decode(frame, binary) is not null;

    [Property(MaxTest = 300)]
    public bool Mutated_pushes_never_throw(int seed)
    {
        var random = new Random(seed);
        var bytes = Gzip(Create);
        bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
        var json = Encoding.UTF8.GetBytes(Order);
        json[random.Next(json.Length)] = (byte)random.Next(256);
        return _codec.Decode(bytes, true) is not null && _codec.Decode(Gzip(Encoding.UTF8.GetString(json)), true) is not null;
    }

    [Fact]
    public void An_update_of_a_position_the_codec_never_saw_becomes_a_patch_not_nothing()
    {
        var result = Push(Update);

        Assert.IsType<AssetBalanceChanged>(result.Events[0]);
        var patch = Assert.Single(result.Events.OfType<PositionPatched>());
        Assert.Equal(new PositionPatched("chainup", "501", null, 30m, 64010.1m, null, null) { ClosableQuantity = 30m }, patch);
    }
}
