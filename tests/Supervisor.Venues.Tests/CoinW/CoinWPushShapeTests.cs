using System.Text;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>
/// Where the push reader's single pass tells tokens apart by depth: look-alike keys deeper in the frame, records and
/// data of the wrong kind, repeats, nesting limits, and hostile times and codes — both paths agree, and the frames
/// the fast path should keep, it keeps.
/// </summary>
public sealed class CoinWPushShapeTests
{
    private const string Item = """
        {"id":"7","instrument":"BTC","direction":"long","orderPrice":"95400","totalPiece":"5","currentPiece":"3","orderStatus":"part"}
        """;

    [Theory]
    // "type" and "data" inside another property's value, and a record's field named like a frame property.
    [InlineData("""{"biz":{"type":"assets","data":[{"currency":"btc"}]},"data":[ITEM],"type":"order"}""")]
    [InlineData("""{"extra":[{"type":"assets"},[{"data":1}]],"data":[ITEM],"type":"order"}""")]
    [InlineData("""{"data":[{"type":"x","data":[1],"event":"login",FIELDS],"type":"order"}""")]
    // Nested values in a record: unknown ones are passed over, whatever their depth.
    [InlineData("""{"data":[{"extra":{"a":[{"id":"not this"}],"b":{"c":{"d":[]}}},FIELDS],"type":"order"}""")]
    // An empty data, and data before or after the type.
    [InlineData("""{"type":"order","data":[]}""")]
    [InlineData("""{"type":"order","data":[ITEM,ITEM]}""")]
    public void Frames_with_look_alike_keys_take_the_fast_path_and_agree(string shape)
    {
        var frame = Expand(shape);
        Assert.True(BothPaths.Fast(frame), frame);
        Assert.Null(BothPaths.Decode(frame).Error);
    }

    [Theory]
    [InlineData("""{"data":{"id":"1"},"type":"order"}""")]
    [InlineData("""{"data":"[]","type":"order"}""")]
    [InlineData("""{"data":null,"type":"order"}""")]
    [InlineData("""{"data":[1],"type":"order"}""")]
    [InlineData("""{"data":[[]],"type":"order"}""")]
    [InlineData("""{"data":[null],"type":"order"}""")]
    [InlineData("""{"data":[{}],"type":{"v":"order"}}""")]
    [InlineData("""{"data":[],"type":"order","result":false}""")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"type":"order"}""")]
    [InlineData("""["type","order"]""")]
    [InlineData("""{"data":[],"type":"order"} {}""")]
    [InlineData("""{"data":[],"type":"order"}]""")]
    [InlineData("""{"data":[{"id":"1"},"type":"order"}""")]
    [InlineData("""{"data":[{"id":"1"}],"type":"order" """)]
    [InlineData("""{"data":[{"id":1,}],"type":"order"}""")]
    [InlineData("""{"data":[{"id":01}],"type":"order"}""")]
    public void Frames_of_the_wrong_shape_are_declined_and_refused_alike(string frame)
    {
        Assert.False(BothPaths.Fast(frame), frame);
        var result = BothPaths.Decode(frame);
        Assert.NotNull(result.Error);
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData("""{"data":[ITEM],"type":"ord\u0065r"}""")]
    [InlineData("""{"d\u0061ta":[ITEM],"type":"order"}""")]
    public void Escaped_keys_and_codes_are_left_to_the_general_path_which_reads_them(string shape)
    {
        var frame = Expand(shape);

        Assert.False(BothPaths.Fast(frame));
        Assert.Equal("7", BothPaths.Single<OrderChanged>(frame).OrderId);
    }

    [Theory]
    [InlineData("""{"data":[{"\u0069d":"9",FIELDS],"type":"order"}""")]
    [InlineData("""{"data":[{BARE,"\u0069d":"9"}],"type":"order"}""")]
    public void An_escaped_repeat_of_a_field_decodes_alike(string shape)
    {
        // The general path unescapes the name and keeps the last of a repeated field; the push reader declines.
        var frame = Expand(shape.Replace("BARE", Item[1..^1]));

        Assert.False(BothPaths.Fast(frame));
        Assert.Null(BothPaths.Decode(frame).Error);
    }

    [Fact]
    public void A_repeated_data_replaces_the_records_read_before_it_on_both_paths()
    {
        var frame = Expand("""{"data":[ITEM,ITEM,ITEM],"data":[""" + Item.Replace("\"7\"", "\"8\"") + """],"type":"order"}""");

        var order = Assert.IsType<OrderChanged>(Assert.Single(BothPaths.Decode(frame).Events));
        Assert.Equal("8", order.OrderId);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_depth_limit_below_the_frame_s_nesting_is_a_typed_error(int maxDepth)
    {
        var frame = Encoding.UTF8.GetBytes(Expand("""{"data":[{"extra":{"a":[1]},FIELDS],"type":"order"}"""));
        var codec = new CoinWCodec(new DecoderLimits { MaxJsonDepth = maxDepth });

        Assert.Null(CoinWPushReader.TryRead(frame, maxDepth));
        Assert.Equal(DecodeErrorKind.TooDeep, codec.Decode(frame).Error?.Kind);
    }

    [Theory]
    [InlineData("123456789012345678901234567890")]
    [InlineData("\"123456789012345678901234567890\"")]
    [InlineData("-1739955929000")]
    [InlineData("1739955929000.5")]
    [InlineData("1.7e-12")]
    [InlineData("\"1e400\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"1739955929000 x\"")]
    [InlineData("\"\"")]
    [InlineData("[1739955929000]")]
    [InlineData("{}")]
    [InlineData("false")]
    public void Hostile_times_are_refused_alike(string value)
    {
        foreach (var field in new[] { "createdDate", "updatedDate" })
        {
            BothPaths.Refused(BothPaths.Push("order", Item[1..^1], $"\"{field}\":{value}"));
        }
    }

    [Theory]
    [InlineData("\"0001739955929000\"", 1739955929000L)]
    [InlineData("1739955929000.000", 1739955929000L)]
    [InlineData("\"1.739955929E12\"", 1739955929000L)]
    [InlineData("1.7e12", 1700000000000L)]
    [InlineData("\"-0\"", 0L)]
    [InlineData("\" 1739955929000 \"", 1739955929000L)]
    public void Times_in_other_forms_still_read_through_the_decimal_route(string value, long expected)
    {
        var frame = BothPaths.Push("order", Item[1..^1], $"\"createdDate\":{value}");

        Assert.Equal(expected, BothPaths.Single<OrderChanged>(frame).CreatedAt?.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData("\"01\"", MarginMode.Cross)]
    [InlineData("\"0.0\"", MarginMode.Isolated)]
    [InlineData("1.0", MarginMode.Cross)]
    [InlineData("1e0", MarginMode.Cross)]
    [InlineData("\"00\"", MarginMode.Isolated)]
    [InlineData("\" 1\"", MarginMode.Cross)]
    [InlineData("\"\\u0031\"", MarginMode.Cross)]
    public void Margin_modes_beyond_the_bare_digits_still_read_through_the_decimal_route(string value, MarginMode expected)
    {
        var frame = BothPaths.Push("order", Item[1..^1], $"\"positionModel\":{value}");

        Assert.Equal(expected, BothPaths.Single<OrderChanged>(frame).MarginMode);
    }

    [Theory]
    [InlineData("\"10\"")]
    [InlineData("\"1 x\"")]
    [InlineData("\"\\u0032\"")]
    [InlineData("\"0.5\"")]
    [InlineData("-1")]
    [InlineData("true")]
    public void Margin_modes_that_only_look_like_the_bare_digits_are_refused_alike(string value) =>
        BothPaths.Refused(BothPaths.Push("order", Item[1..^1], $"\"positionModel\":{value}"));

    [Theory]
    [InlineData("BTC")]
    [InlineData("ETH")]
    [InlineData("btc")]
    [InlineData("BTCUSDT")]
    [InlineData("BT")]
    public void Instruments_read_as_sent(string instrument)
    {
        var frame = BothPaths.Push("order", Item[1..^1].Replace("\"BTC\"", $"\"{instrument}\""), "");

        Assert.Equal(instrument, BothPaths.Single<OrderChanged>(frame).Instrument);
    }

    /// <summary>The shape with ITEM as a whole order record and FIELDS as its fields and closing brace.</summary>
    private static string Expand(string shape) => shape.Replace("ITEM", Item).Replace("FIELDS", Item[1..]);
}
