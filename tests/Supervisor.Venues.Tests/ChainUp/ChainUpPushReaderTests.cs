using System.Text;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.ChainUp;

/// <summary>
/// The fast ACCOUNT_UPDATE / ADL_PRICE reader against the general JsonDocument path: two codecs fed the same generated
/// sequence — fields reordered, dropped, repeated, numbers as strings or numbers, escapes, ill-typed and hostile values —
/// give the same events or the same error kind at every step (so their remembered positions stay the same too).
/// </summary>
public sealed class ChainUpPushReaderTests
{
    // Each row is one field: the readable forms, then the odd ones (escaped, null, ill-typed, out of range), which come
    // only now and then so that many frames stay whole and both paths are compared on the events, not only on errors.
    private static readonly (string[] Good, string[] Odd)[] BalanceFields =
    [
        (["\"c\":\"USDT\""], ["\"c\":\"\\u0055SDT\"", "\"c\":5"]),
        (["\"an\":\"5000.00000000\"", "\"an\":5000.5"], ["\"an\":\"abc\"", "\"an\":null"]),
        (["\"la\":\"12.5\"", "\"la\":0"], ["\"la\":true"]),
        (["\"pn\":250", "\"pn\":\"250.00000001\""], []),
        (["\"x\":{\"y\":[1,2]}", "\"x\":1"], []),
    ];

    private static readonly (string[] Good, string[] Odd)[] PositionFields =
    [
        (["\"id\":501", "\"id\":\"502\""], ["\"id\":\"\\u0035\"", "\"id\":{}", "\"id\":null"]),
        (["\"cn\":\"E-BTC-USDT\"", "\"cn\":\"E-ETH-USDT\""], ["\"cn\":7", "\"cn\":null"]),
        (["\"s\":\"BUY\"", "\"s\":\"SELL\""], ["\"s\":\"sideways\"", "\"s\":null"]),
        (["\"pv\":25", "\"pv\":\"25\""], ["\"pv\":\"x\"", "\"pv\":\"\"", "\"pv\":null"]),
        (["\"op\":64000.5", "\"op\":\"6.4e4\""], ["\"op\":null"]),
        (["\"l\":10", "\"l\":\"20\""], ["\"l\":true"]),
        (["\"hm\":160.00125", "\"hm\":\"0\""], ["\"hm\":\"\""]),
        (["\"pt\":1", "\"pt\":2", "\"pt\":\"2\"", "\"pt\":2.0"], ["\"pt\":3", "\"pt\":0", "\"pt\":1.5", "\"pt\":\"\"", "\"pt\":null", "\"pt\":true", "\"pt\":\"\\u0031\""]),
        (["\"rp\":57800.2", "\"rp\":\"57800.20000000000000001\"", "\"rp\":-0"], ["\"rp\":null", "\"rp\":\"\"", "\"rp\":[]"]),
        (["\"ra\":-0.8", "\"ra\":\"-0.8\"", "\"ra\":\"1e-3\""], ["\"ra\":[1]", "\"ra\":null"]),
        (["\"mr\":0.0125", "\"mr\":\"0.0083629621201431\""], ["\"mr\":{\"deep\":[{}]}", "\"mr\":false"]),
        (["\"oa\":160.00125", "\"oa\":\"0E-8\""], ["\"oa\":null", "\"oa\":\"1,5\""]),
        (["\"ccv\":25", "\"ccv\":\"25\"", "\"ccv\":1234567890.1234567890123"], ["\"ccv\":\"abc\"", "\"ccv\":\"\\u0032\""]),
        (["\"cid\":1", "\"con\":\"BTCUSDT\""], ["\"cid\":{\"x\":[]}"]),
    ];

    private static readonly (string[] Good, string[] Odd)[] AdlFields =
    [
        (["\"id\":501", "\"id\":502", "\"id\":\"503\""], ["\"id\":null"]),
        (["\"al\":3", "\"al\":1", "\"al\":\"4\"", "\"al\":5", "\"al\":\"2147483647\"", "\"al\":3.0", "\"al\":0"],
            ["\"al\":\"99999999999999\"", "\"al\":\"x\"", "\"al\":1.5", "\"al\":-2", "\"al\":\"\"", "\"al\":null", "\"al\":2147483648"]),
        (["\"rp\":57800.2", "\"rp\":\"57800.2\""], ["\"rp\":null", "\"rp\":[1]"]),
        (["\"ha\":160.00125", "\"ha\":\"160.00125\""], ["\"ha\":\"\""]),
        (["\"mr\":0.0125", "\"mr\":\"0.0083629621201431\""], ["\"mr\":true"]),
        (["\"bo\":64100.1", "\"bo\":\"64100.1\""], ["\"bo\":null", "\"bo\":{}"]),
        (["\"so\":64100.3", "\"so\":\"6.41003E4\""], ["\"so\":\"x\""]),
        (["\"lt\":64100.2", "\"lt\":\"64100.2\""], ["\"lt\":\"\\u0036\""]),
        (["\"tp\":64099.87500000000000012", "\"tp\":\"64099.87500000000000012\"", "\"tp\":\"64100.5\""], ["\"tp\":null", "\"tp\":\"\""]),
        (["\"x\":1", "\"x\":[{\"al\":1}]"], []),
    ];

    [Fact]
    public void Generated_sequences_decode_the_same_on_both_paths()
    {
        var fast = new ChainUpCodec();
        var general = new ChainUpCodec();
        var random = new Random(20261201);
        var fastHits = 0;
        var fullAdl = 0;
        var fullPositions = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var text = random.Next(3) == 0 ? Adl(random) : AccountUpdate(random);
            var frame = Encoding.UTF8.GetBytes(text);

            var expected = general.DecodeGeneral(frame);
            var actual = fast.Decode(frame, isBinary: false);

            Assert.True(expected.Events.SequenceEqual(actual.Events), $"events differ for {text}");
            // Equal decimals may differ in scale (1.0 vs 1); the printed form shows every digit, so it must match too.
            Assert.Equal(string.Join("|", expected.Events), string.Join("|", actual.Events));
            Assert.Equal(expected.Error?.Kind, actual.Error?.Kind);
            fastHits += ChainUpPushReader.TryRead(frame, 32, out _, out _) ? 1 : 0;
            fullAdl += actual.Events.OfType<AdlRankChanged>().Count(e => e is { MarkPrice: not null, BestBid: not null, BestAsk: not null, LastPrice: not null, MarginRate: not null });
            fullPositions += actual.Events.Count(e => e is PositionChanged { MarginMode: not null, LiquidationPrice: not null, ClosableQuantity: not null, InitialMargin: not null }
                or PositionPatched { MarginMode: not null, RealizedPnl: not null, MarginRate: not null });
        }
        Assert.True(fastHits > 5_000, $"the fast path took only {fastHits} frames");
        // The new fields must come out whole often enough for the comparison to mean something, not only as errors.
        Assert.True(fullAdl > 1_000 && fullPositions > 500, $"only {fullAdl} full ADL items and {fullPositions} full positions");
    }

    [Theory]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689601123","d":{"et":"CREATE","a":[{"c":"USDT","an":"5000.00000000","la":"12.50000000","pn":"250.00000000"}],"p":{"id":501,"cid":1,"pt":2,"cn":"E-BTC-USDT","con":"BTCUSDT","l":10,"pv":25,"op":64000.5,"rp":57800.2,"hm":160.00125,"ra":-0.8,"s":"BUY","mr":0.0125,"oa":160.00125,"ccv":25}}}""")]
    [InlineData("""{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"rp":57800.2,"ha":160.00125,"mr":0.0125,"bo":64100.1,"so":64100.3,"lt":64100.2,"tp":64099.87500000000000012}]}""")]
    public void The_documented_pushes_take_the_fast_path(string text)
    {
        Assert.True(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out var update, out var adl));
        Assert.True(update is not null || adl is not null);
    }

    [Fact]
    public void The_fast_reader_itself_reads_every_position_field_as_number_or_string()
    {
        const string Numbers = """{"channel":"ACCOUNT_UPDATE","d":{"et":"CREATE","p":{"id":501,"cid":1,"pt":2,"cn":"E-BTC-USDT","con":"BTCUSDT","l":10,"pv":25,"op":64000.5,"rp":57800.2,"hm":160.00125,"ra":-0.8,"s":"BUY","mr":0.0125,"oa":160.00125,"ccv":25}}}""";
        const string Strings = """{"channel":"ACCOUNT_UPDATE","d":{"et":"CREATE","p":{"id":"501","cid":"1","pt":"2","cn":"E-BTC-USDT","con":"BTCUSDT","l":"10","pv":"25","op":"64000.5","rp":"57800.2","hm":"160.00125","ra":"-0.8","s":"BUY","mr":"0.0125","oa":"160.00125","ccv":"25"}}}""";
        var expected = new PositionFields("501")
        {
            Instrument = "E-BTC-USDT",
            Side = "BUY",
            Quantity = 25m,
            EntryPrice = 64000.5m,
            Leverage = 10m,
            Margin = 160.00125m,
            MarginMode = MarginMode.Isolated,
            LiquidationPrice = 57800.2m,
            RealizedPnl = -0.8m,
            MarginRate = 0.0125m,
            InitialMargin = 160.00125m,
            ClosableQuantity = 25m,
        };

        foreach (var text in new[] { Numbers, Strings })
        {
            Assert.True(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out var update, out _));
            Assert.Equal(expected, update!.Position);
        }
    }

    [Fact]
    public void The_fast_reader_itself_reads_every_ADL_field_with_all_its_digits()
    {
        const string Text = """{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"rp":57800.2,"ha":"160.00125","mr":0.0125,"bo":64100.1,"so":"64100.3","lt":64100.2,"tp":64099.87500000000000012},{"id":"7","al":"1"}]}""";

        Assert.True(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(Text), 32, out _, out var adl));

        Assert.Equal([
            new AdlItem("501", 3, 57800.2m, 160.00125m, 0.0125m, 64100.1m, 64100.3m, 64100.2m, 64099.87500000000000012m),
            new AdlItem("7", 1, null, null, null, null, null, null, null)], adl!);
        Assert.Equal("64099.87500000000000012", adl![0].MarkPrice!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"UPDATE","p":{"id":501,"pt":3}}}""")]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"UPDATE","p":{"id":501,"rp":""}}}""")]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"UPDATE","p":{"id":501,"ccv":null}}}""")]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"UPDATE","p":{"id":501,"oa":true}}}""")]
    [InlineData("""{"channel":"ADL_PRICE","l":[{"id":501,"al":1.5}]}""")]
    [InlineData("""{"channel":"ADL_PRICE","l":[{"id":501,"al":-1}]}""")]
    [InlineData("""{"channel":"ADL_PRICE","l":[{"id":501,"al":3,"tp":null}]}""")]
    [InlineData("""{"channel":"ADL_PRICE","l":[{"id":501,"al":3,"so":{}}]}""")]
    public void Values_the_fast_reader_cannot_read_whole_are_declined(string text) =>
        Assert.False(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out _, out _));

    [Theory]
    [InlineData("""{"pong":1735689601123}""")]
    [InlineData("""{"channel":"SYSTEM","uid":2001,"et":"close"}""")]
    [InlineData("""{"channel":"order","order":{"orderId":"1"}}""")]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"CREATE"},"d":{"et":"DELETE"}}""")]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","d":{"et":"CREATE","a":[{"c":"USDT","an":1}]""")]
    [InlineData("""{"chann\u0065l":"ACCOUNT_UPDATE","d":{"et":"CREATE"}}""")]
    public void Control_frames_rare_channels_and_oddities_are_left_to_the_general_path(string text)
    {
        Assert.False(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out _, out _));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_declined_and_then_refused_as_too_deep()
    {
        var text = "{\"channel\":\"ACCOUNT_UPDATE\",\"d\":{\"et\":\"CREATE\",\"x\":" + new string('[', 40) + new string(']', 40) + "}}";

        Assert.False(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out _, out _));
        Assert.Equal(DecodeErrorKind.TooDeep, new ChainUpCodec().Decode(Encoding.UTF8.GetBytes(text), isBinary: false).Error?.Kind);
    }

    [Fact]
    public void A_truncated_frame_is_malformed_not_too_deep()
    {
        var text = "{\"channel\":\"ACCOUNT_UPDATE\",\"d\":{\"et\":\"CREATE\"";

        Assert.Equal(DecodeErrorKind.MalformedJson, new ChainUpCodec().Decode(Encoding.UTF8.GetBytes(text), isBinary: false).Error?.Kind);
    }

    private static string AccountUpdate(Random random)
    {
        var d = new List<string>();
        if (random.Next(10) != 0)
        {
            d.Add("\"et\":" + (random.Next(12) == 0 ? Pick(random, ["\"WEIRD\"", "123", "null"]) : Pick(random, ["\"CREATE\"", "\"CREATE\"", "\"UPDATE\"", "\"UPDATE\"", "\"DELETE\"", "\"DEFAULT\""])));
        }
        switch (random.Next(6))
        {
            case 0:
                break;
            case 1:
                d.Add("\"a\":\"nope\"");
                break;
            default:
                d.Add("\"a\":[" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Object(random, BalanceFields))) + "]");
                break;
        }
        switch (random.Next(6))
        {
            case 0:
                break;
            case 1:
                d.Add(Pick(random, ["\"p\":null", "\"p\":\"x\"", "\"p\":{}"]));
                break;
            default:
                d.Add("\"p\":" + Object(random, PositionFields));
                break;
        }
        if (d.Count > 0 && random.Next(40) == 0)
        {
            d.Add(d[0]);
        }
        return Envelope(random, "ACCOUNT_UPDATE", "\"d\":{" + string.Join(",", Shuffle(random, d)) + "}");
    }

    private static string Adl(Random random) =>
        Envelope(random, "ADL_PRICE", "\"l\":[" + string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Object(random, AdlFields))) + "]");

    private static string Envelope(Random random, string channel, string payload)
    {
        var parts = new List<string> { $"\"channel\":\"{channel}\"", "\"uid\":2001", "\"t\":\"1735689601123\"", payload };
        return "{" + string.Join(",", Shuffle(random, parts)) + "}";
    }

    private static string Object(Random random, (string[] Good, string[] Odd)[] fields) =>
        "{" + string.Join(",", Shuffle(random, [.. fields.Where(_ => random.Next(12) != 0).Select(field => Value(random, field))])) + "}";

    private static string Value(Random random, (string[] Good, string[] Odd) field) =>
        field.Odd.Length > 0 && random.Next(16) == 0 ? Pick(random, field.Odd) : Pick(random, field.Good);

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static List<string> Shuffle(Random random, List<string> items) => [.. items.OrderBy(_ => random.Next())];
}
