using System.Text;
using FsCheck.Xunit;
using Supervisor.Tests.Fixtures;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>
/// The fast push reader against the general JsonDocument path: for generated order, position and assets frames —
/// fields reordered, dropped, numbers as strings or numbers, 20+ digits, escapes, unknown nested fields, null, empty
/// strings, out-of-range codes and times — both give the same events, or the same error.
/// </summary>
public sealed class CoinWPushReaderTests
{
    // Decimal forms both paths must read alike, and values they must refuse alike (a leading space only the general path reads).
    private static readonly string[] Decimals = ["\"1.5\"", "1.5", "0", "\"-0.25\"", "\"12345678901234567890.123456\"", "12345678901234567890.123456", "\"1e-3\"", "2E+2"];
    private static readonly string[] OddDecimals = ["\"\"", "null", "true", "{}", "[1]", "\"abc\"", "\" 1\"", "\"1\\u0030\"", "1e400"];
    private static readonly string[] Codes = ["\"plan\"", "\"planTrigger\"", "\"execute\"", "\"moveStopProfitLoss\"", "\"reduceOnly\"", "7", "\"\""];
    private static readonly string[] OddCodes = ["true", "null", "{}", "\"plan\\u0054rigger\"", "\"\\u0070lan\""];
    private static readonly string[] Texts = ["\"manual\"", "\"api\"", "\"web\"", "\"system\"", "\"\"", "12"];
    private static readonly string[] OddTexts = ["null", "true", "{}", "[\"api\"]", "\"m\\u0061nual\""];
    private static readonly string[] Times = ["1739955929000", "\"1739955929000\"", "0", "1739955929000.0", "253402300799999"];
    private static readonly string[] OddTimes = ["-1", "1.5", "\"\"", "253402300800000", "null", "true", "\"x\"", "\"-5\""];
    private static readonly string[] Models = ["0", "1", "\"0\"", "\"1\"", "1.0"];
    private static readonly string[] OddModels = ["2", "\"2\"", "0.5", "-1", "\"\"", "null", "true", "\"cross\""];

    // Each field: values of a well-formed record, and odd ones (picked rarely, so most frames stay readable by the fast path).
    private static readonly (string[] Good, string[] Odd)[] Fields =
    [
        (["\"id\":\"33308740320587027\"", "\"id\":33308740320587027"], ["\"id\":\"o\\u0031\""]),
        (["\"instrument\":\"BTC\"", "\"instrument\":\"btc\"", "\"instrument\":\"ETH\""], []),
        (["\"direction\":\"long\"", "\"direction\":\"short\"", "\"direction\":\"SHORT\""], ["\"direction\":\"sideways\"", "\"direction\":1"]),
        (["\"orderPrice\":\"95400\"", "\"orderPrice\":95400.5", "\"orderPrice\":\"9.54e4\""], ["\"orderPrice\":\"abc\""]),
        (["\"totalPiece\":\"5\"", "\"totalPiece\":5", "\"totalPiece\":\"0.001\""], []),
        (["\"currentPiece\":\"3\"", "\"currentPiece\":1"], ["\"currentPiece\":null"]),
        (["\"orderStatus\":\"unFinish\"", "\"orderStatus\":\"part\"", "\"orderStatus\":\"finish\"", "\"orderStatus\":\"cancel\""], ["\"orderStatus\":\"weird\""]),
        (["\"triggerPrice\":\"96000\"", "\"triggerPrice\":96000"], []),
        (["\"status\":\"open\"", "\"status\":\"close\"", "\"status\":1", "\"status\":\"closed\""], []),
        (["\"openPrice\":108827.9", "\"openPrice\":\"108827.9\""], []),
        (["\"leverage\":\"20\"", "\"leverage\":20"], ["\"leverage\":\"\"", "\"leverage\":{}"]),
        (["\"margin\":5.44", "\"margin\":\"5.44\"", "\"margin\":0.0"], ["\"margin\":\"\""]),
        (["\"currency\":\"usdt\"", "\"currency\":\"USDT\"", "\"currency\":\"btc\""], []),
        (["\"available\":488.53", "\"available\":\"488.53\""], ["\"available\":true"]),
        (["\"freeze\":0.0", "\"freeze\":\"1.25\""], []),
        Named("posType", Codes, OddCodes),
        Named("originalType", Codes, OddCodes),
        Named("positionModel", Models, OddModels),
        Named("hold", Decimals, OddDecimals),
        Named("positionMargin", Decimals, OddDecimals),
        Named("fee", Decimals, OddDecimals),
        Named("frozenFee", Decimals, OddDecimals),
        Named("makerFee", Decimals, OddDecimals),
        Named("takerFee", Decimals, OddDecimals),
        Named("baseSize", Decimals, OddDecimals),
        Named("fundingSettle", Decimals, OddDecimals),
        Named("closedPiece", Decimals, OddDecimals),
        Named("availableMargin", Decimals, OddDecimals),
        Named("transferAvailable", Decimals, OddDecimals),
        Named("profitUnreal", Decimals, OddDecimals),
        Named("almightyGold", Decimals, OddDecimals),
        Named("liquidateBy", Texts, OddTexts),
        Named("source", Texts, OddTexts),
        Named("createdDate", Times, OddTimes),
        Named("updatedDate", Times, OddTimes),
        (["\"extra\":{\"nested\":[1,{\"a\":\"b\"}]}", "\"userId\":1162061", "\"contractType\":1", "\"quantity\":\"100\"", "\"closedQuantity\":\"0\""], []),
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
        Assert.True(fastHits > 2000, $"the fast path took only {fastHits} frames");
    }

    [Property(MaxTest = 2000)]
    public bool Frames_generated_from_any_seed_decode_the_same_on_both_paths(int seed)
    {
        var codec = new CoinWCodec();
        var frame = Encoding.UTF8.GetBytes(Frame(new Random(seed)));
        var general = codec.DecodeGeneral(frame);
        var decoded = codec.Decode(frame);
        return decoded.Events.SequenceEqual(general.Events) && decoded.Error?.Kind == general.Error?.Kind && decoded.Control.Count == general.Control.Count;
    }

    [Theory]
    [InlineData("""{"biz":"futures","pairCode":"BTC","data":[{"currentPiece":"1","leverage":"1","originalType":"plan","contractType":1,"fee":"0","frozenFee":"0.00954","orderStatus":"unFinish","instrument":"BTC","quantityUnit":0,"source":"api","updatedDate":1739955929000,"positionModel":0,"posType":"plan","baseSize":"0.001","liquidateBy":"manual","makerFee":"0.0001","totalPiece":"1","orderPrice":"95400","id":"33308740320587027","direction":"long","margin":"95.4","indexPrice":"95670.9","quantity":"100","takerFee":"0.0006","userId":"1162061","createdDate":1739955929000,"positionMargin":"95.4","status":"open"}],"type":"order"}""")]
    [InlineData("""{"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":488.53,"availableMargin":488.53,"transferAvailable":488.53,"margin":0.0,"freeze":0.0,"hold":0.0,"profitUnreal":0,"size":0,"almightyGold":0,"type":7,"userId":1162061}],"type":"assets"}""")]
    public void The_documented_pushes_take_the_fast_path(string frame) => AssertFast(frame);

    [Theory]
    [InlineData("Order.txt")]
    [InlineData("Position.txt")]
    [InlineData("Balance.txt")]
    public void The_fixture_pushes_take_the_fast_path_with_every_field(string file) => AssertFast(Fixtures.CoinWPush(file));

    private static void AssertFast(string frame)
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

    private static (string[] Good, string[] Odd) Named(string name, string[] good, string[] odd) =>
        ([.. good.Select(value => $"\"{name}\":{value}")], [.. odd.Select(value => $"\"{name}\":{value}")]);

    private static string Frame(Random random)
    {
        var items = new List<string>();
        for (var i = random.Next(0, 3); i >= 0; i--)
        {
            var fields = Fields.Where(_ => random.Next(8) != 0)
                .Select(field => field.Odd.Length > 0 && random.Next(40) == 0 ? field.Odd[random.Next(field.Odd.Length)] : field.Good[random.Next(field.Good.Length)])
                .OrderBy(_ => random.Next()).ToList();
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
