using System.Text;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>
/// The fast push reader against the general JsonDocument path: for generated order, position and assets frames —
/// fields reordered, dropped, numbers as strings or numbers, escapes, unknown nested fields, bad values — both give
/// the same events, or the same error.
/// </summary>
public sealed class CoinWPushReaderTests
{
    private static readonly string[][] Fields =
    [
        ["\"id\":\"33308740320587027\"", "\"id\":33308740320587027", "\"id\":\"o\\u0031\""],
        ["\"instrument\":\"BTC\"", "\"instrument\":\"btc\"", "\"instrument\":\"ETH\""],
        ["\"direction\":\"long\"", "\"direction\":\"short\"", "\"direction\":\"SHORT\"", "\"direction\":\"sideways\"", "\"direction\":1"],
        ["\"orderPrice\":\"95400\"", "\"orderPrice\":95400.5", "\"orderPrice\":\"9.54e4\"", "\"orderPrice\":\"abc\""],
        ["\"totalPiece\":\"5\"", "\"totalPiece\":5", "\"totalPiece\":\"0.001\""],
        ["\"currentPiece\":\"3\"", "\"currentPiece\":1", "\"currentPiece\":null"],
        ["\"orderStatus\":\"unFinish\"", "\"orderStatus\":\"part\"", "\"orderStatus\":\"finish\"", "\"orderStatus\":\"cancel\"", "\"orderStatus\":\"weird\""],
        ["\"posType\":\"plan\"", "\"posType\":\"planTrigger\"", "\"originalType\":\"planTrigger\""],
        ["\"triggerPrice\":\"96000\"", "\"triggerPrice\":96000"],
        ["\"status\":\"open\"", "\"status\":\"close\"", "\"status\":1", "\"status\":\"closed\""],
        ["\"openPrice\":108827.9", "\"openPrice\":\"108827.9\""],
        ["\"leverage\":\"20\"", "\"leverage\":20"],
        ["\"margin\":5.44", "\"margin\":\"5.44\"", "\"margin\":0.0"],
        ["\"currency\":\"usdt\"", "\"currency\":\"USDT\"", "\"currency\":\"btc\""],
        ["\"available\":488.53", "\"available\":\"488.53\"", "\"available\":true"],
        ["\"freeze\":0.0", "\"freeze\":\"1.25\""],
        ["\"hold\":0", "\"hold\":\"0.5\""],
        ["\"extra\":{\"nested\":[1,{\"a\":\"b\"}]}", "\"userId\":1162061", "\"fee\":\"0\""],
    ];

    [Fact]
    public void Generated_frames_decode_the_same_on_both_paths()
    {
        var codec = new CoinWCodec();
        var random = new Random(20261122);
        var fastHits = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var frame = Encoding.UTF8.GetBytes(Frame(random));

            var general = codec.DecodeGeneral(frame);
            var decoded = codec.Decode(frame);

            Assert.True(decoded.Events.SequenceEqual(general.Events), $"events differ for {Encoding.UTF8.GetString(frame)}");
            Assert.Equal(general.Error?.Kind, decoded.Error?.Kind);
            Assert.Equal(general.Control.Count, decoded.Control.Count);
            fastHits += CoinWPushReader.TryRead(frame, 32) is null ? 0 : 1;
        }
        Assert.True(fastHits > 500, $"the fast path took only {fastHits} frames");
    }

    [Theory]
    [InlineData("""{"biz":"futures","pairCode":"BTC","data":[{"currentPiece":"1","leverage":"1","originalType":"plan","contractType":1,"fee":"0","frozenFee":"0.00954","orderStatus":"unFinish","instrument":"BTC","quantityUnit":0,"source":"api","updatedDate":1739955929000,"positionModel":0,"posType":"plan","baseSize":"0.001","liquidateBy":"manual","makerFee":"0.0001","totalPiece":"1","orderPrice":"95400","id":"33308740320587027","direction":"long","margin":"95.4","indexPrice":"95670.9","quantity":"100","takerFee":"0.0006","userId":"1162061","createdDate":1739955929000,"positionMargin":"95.4","status":"open"}],"type":"order"}""")]
    [InlineData("""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":488.53,"availableMargin":488.53,"transferAvailable":488.53,"margin":0.0,"freeze":0.0,"hold":0.0,"profitUnreal":0,"size":0,"almightyGold":0,"type":7,"userId":1162061}],"type":"assets"}""")]
    public void The_documented_pushes_take_the_fast_path(string frame)
    {
        var fast = CoinWPushReader.TryRead(Encoding.UTF8.GetBytes(frame), 32);

        Assert.NotNull(fast);
        Assert.Equal(new CoinWCodec().DecodeGeneral(Encoding.UTF8.GetBytes(frame)).Events, fast.Events);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Frames_with_more_records_than_the_thread_s_slots_decode_the_same(int records)
    {
        var item = """{"id":"ID","instrument":"BTC","direction":"long","orderPrice":"95400","totalPiece":"5","currentPiece":"3","orderStatus":"part"}""";
        var frame = Encoding.UTF8.GetBytes("""{"biz":"futures","pairCode":"BTC","data":[""" + string.Join(",", Enumerable.Range(0, records).Select(i => item.Replace("ID", $"o{i}"))) + """],"type":"order"}""");
        var codec = new CoinWCodec();

        for (var round = 0; round < 3; round++)
        {
            var fast = CoinWPushReader.TryRead(frame, 32);
            Assert.NotNull(fast);
            Assert.Equal(records, fast.Events.Count);
            Assert.Equal(codec.DecodeGeneral(frame).Events, fast.Events);
        }
    }

    [Fact]
    public void Control_frames_and_rare_channels_are_left_to_the_general_path()
    {
        Assert.Null(CoinWPushReader.TryRead("""{"event":"pong"}"""u8, 32));
        Assert.Null(CoinWPushReader.TryRead("""{"biz":"futures","data":{"result":true},"channel":"subscribe","type":"order"}"""u8, 32));
        Assert.Null(CoinWPushReader.TryRead("""{"biz":"futures","pairCode":"btc","data":{"p":1},"type":"mark_price"}"""u8, 32));
        Assert.Null(CoinWPushReader.TryRead("""{"type":"order","data":[{"id":"1"}"""u8, 32));
        Assert.Null(CoinWPushReader.TryRead(Encoding.UTF8.GetBytes("{\"type\":\"order\",\"data\":" + new string('[', 40) + new string(']', 40) + "}"), 32));
    }

    private static string Frame(Random random)
    {
        var items = new List<string>();
        for (var i = random.Next(0, 3); i >= 0; i--)
        {
            var fields = Fields.Where(_ => random.Next(8) != 0).Select(options => options[random.Next(options.Length)]).OrderBy(_ => random.Next()).ToList();
            items.Add("{" + string.Join(",", fields) + "}");
        }
        var type = random.Next(3) switch { 0 => "order", 1 => "position", _ => "assets" };
        var parts = new List<string> { "\"biz\":\"futures\"", "\"pairCode\":\"BTC\"", $"\"data\":[{string.Join(",", items)}]", $"\"type\":\"{type}\"" };
        if (random.Next(2) == 0)
        {
            (parts[2], parts[3]) = (parts[3], parts[2]);
        }
        return "{" + string.Join(",", parts) + "}";
    }
}
