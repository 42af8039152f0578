using System.Text;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.ChainUp;

/// <summary>
/// The fast ACCOUNT_UPDATE / ADL_PRICE reader against the general JsonDocument path: two codecs fed the same generated
/// sequence — fields reordered, dropped, repeated, numbers as strings or numbers, escapes, ill-typed and hostile values —
/// give the same events or the same error kind at every step (so their remembered positions stay the same too).
/// </summary>
public sealed class ChainUpPushReaderTests
{
    private static readonly string[][] BalanceFields =
    [
        ["\"c\":\"USDT\"", "\"c\":\"\\u0055SDT\"", "\"c\":5"],
        ["\"an\":\"5000.00000000\"", "\"an\":5000.5", "\"an\":\"abc\"", "\"an\":null"],
        ["\"la\":\"12.5\"", "\"la\":0", "\"la\":true"],
        ["\"pn\":250", "\"pn\":\"250.00000001\""],
        ["\"x\":{\"y\":[1,2]}", "\"x\":1"],
    ];

    private static readonly string[][] PositionFields =
    [
        ["\"id\":501", "\"id\":\"502\"", "\"id\":\"\\u0035\"", "\"id\":{}"],
        ["\"cn\":\"E-BTC-USDT\"", "\"cn\":\"E-ETH-USDT\"", "\"cn\":7"],
        ["\"s\":\"BUY\"", "\"s\":\"SELL\"", "\"s\":\"sideways\"", "\"s\":null"],
        ["\"pv\":25", "\"pv\":\"25\"", "\"pv\":\"x\""],
        ["\"op\":64000.5", "\"op\":\"6.4e4\""],
        ["\"l\":10", "\"l\":\"20\""],
        ["\"hm\":160.00125", "\"hm\":\"0\""],
        ["\"ra\":-0.8", "\"mr\":{\"deep\":[{}]}"],
    ];

    private static readonly string[][] AdlFields =
    [
        ["\"id\":501", "\"id\":502", "\"id\":\"503\""],
        ["\"al\":3", "\"al\":\"4\"", "\"al\":\"99999999999999\"", "\"al\":\"x\""],
        ["\"tp\":64099.87500000000000012", "\"tp\":\"64100.5\"", "\"tp\":null"],
        ["\"bo\":64100.1", "\"rp\":[1]"],
    ];

    [Fact]
    public void Generated_sequences_decode_the_same_on_both_paths()
    {
        var fast = new ChainUpCodec();
        var general = new ChainUpCodec();
        var random = new Random(20261201);
        var fastHits = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var text = random.Next(3) == 0 ? Adl(random) : AccountUpdate(random);
            var frame = Encoding.UTF8.GetBytes(text);

            var expected = general.DecodeGeneral(frame);
            var actual = fast.Decode(frame, isBinary: false);

            Assert.True(expected.Events.SequenceEqual(actual.Events), $"events differ for {text}");
            Assert.Equal(expected.Error?.Kind, actual.Error?.Kind);
            fastHits += ChainUpPushReader.TryRead(frame, 32, out _, out _) ? 1 : 0;
        }
        Assert.True(fastHits > 2_000, $"the fast path took only {fastHits} frames");
    }

    [Theory]
    [InlineData("""{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1735689601123","d":{"et":"CREATE","a":[{"c":"USDT","an":"5000.00000000","la":"12.50000000","pn":"250.00000000"}],"p":{"id":501,"cid":1,"pt":2,"cn":"E-BTC-USDT","con":"BTCUSDT","l":10,"pv":25,"op":64000.5,"rp":57800.2,"hm":160.00125,"ra":-0.8,"s":"BUY","mr":0.0125,"oa":160.00125,"ccv":25}}}""")]
    [InlineData("""{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"rp":57800.2,"ha":160.00125,"mr":0.0125,"bo":64100.1,"so":64100.3,"lt":64100.2,"tp":64099.87500000000000012}]}""")]
    public void The_documented_pushes_take_the_fast_path(string text)
    {
        Assert.True(ChainUpPushReader.TryRead(Encoding.UTF8.GetBytes(text), 32, out var update, out var adl));
        Assert.True(update is not null || adl is not null);
    }

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

    private static string AccountUpdate(Random random)
    {
        var d = new List<string>();
        if (random.Next(10) != 0)
        {
            d.Add("\"et\":" + Pick(random, ["\"CREATE\"", "\"UPDATE\"", "\"UPDATE\"", "\"DELETE\"", "\"DEFAULT\"", "\"WEIRD\"", "123"]));
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

    private static string Object(Random random, string[][] fields) =>
        "{" + string.Join(",", Shuffle(random, [.. fields.Where(_ => random.Next(6) != 0).Select(options => Pick(random, options))])) + "}";

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static List<string> Shuffle(Random random, List<string> items) => [.. items.OrderBy(_ => random.Next())];
}
