using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>
/// Every documented field of the order push that <see cref="OrderChanged"/> carries, through both decoding paths:
/// string and number forms, 20+ significant digits, JSON null as absent, and malformed values as typed errors.
/// </summary>
public sealed class CoinWOrderFieldTests
{
    private const string Item = """
        "id":"33308740320587027","instrument":"BTC","direction":"long","orderPrice":"95400","totalPiece":"5","currentPiece":"3","orderStatus":"part"
        """;

    private static string Frame(string extra) => BothPaths.Push("order", Item, extra);

    private static string? Property(OrderChanged order, string field) => BothPaths.Text(field switch
    {
        "posType" => order.OrderType,
        "originalType" => order.OriginalOrderType,
        "leverage" => order.Leverage,
        "positionModel" => order.MarginMode,
        "margin" => order.Margin,
        "positionMargin" => order.PositionMargin,
        "fee" => order.Fee,
        "frozenFee" => order.FrozenFee,
        "makerFee" => order.MakerFeeRate,
        "takerFee" => order.TakerFeeRate,
        "baseSize" => order.BaseQuantity,
        "liquidateBy" => order.LiquidatedBy,
        "source" => order.Source,
        "createdDate" => order.CreatedAt,
        "updatedDate" => order.UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    });

    [Theory]
    [InlineData("posType", "\"plan\"", OrderTypes.Limit)]
    [InlineData("posType", "\"execute\"", OrderTypes.Market)]
    [InlineData("posType", "\"moveStopProfitLoss\"", OrderTypes.TrailingStop)]
    [InlineData("posType", "\"reduceOnly\"", "reduceOnly")]
    [InlineData("posType", "7", "7")]
    [InlineData("originalType", "\"plan\"", OrderTypes.Limit)]
    [InlineData("originalType", "\"execute\"", OrderTypes.Market)]
    [InlineData("originalType", "\"moveStopProfitLoss\"", OrderTypes.TrailingStop)]
    [InlineData("originalType", "\"somethingNew\"", "somethingNew")]
    [InlineData("leverage", "\"20\"", "20")]
    [InlineData("leverage", "20", "20")]
    [InlineData("positionModel", "0", "Isolated")]
    [InlineData("positionModel", "\"0\"", "Isolated")]
    [InlineData("positionModel", "1", "Cross")]
    [InlineData("positionModel", "\"1\"", "Cross")]
    [InlineData("margin", "\"95.4\"", "95.4")]
    [InlineData("margin", "95.4", "95.4")]
    [InlineData("positionMargin", "\"95.4\"", "95.4")]
    [InlineData("positionMargin", "95.40", "95.40")]
    [InlineData("fee", "\"0\"", "0")]
    [InlineData("fee", "0.0572", "0.0572")]
    [InlineData("frozenFee", "\"0.00954\"", "0.00954")]
    [InlineData("frozenFee", "0.00954", "0.00954")]
    [InlineData("makerFee", "\"0.0001\"", "0.0001")]
    [InlineData("makerFee", "-0.0001", "-0.0001")]
    [InlineData("takerFee", "\"0.0006\"", "0.0006")]
    [InlineData("takerFee", "6E-4", "0.0006")]
    [InlineData("baseSize", "\"0.001\"", "0.001")]
    [InlineData("baseSize", "0.001", "0.001")]
    [InlineData("liquidateBy", "\"manual\"", "manual")]
    [InlineData("liquidateBy", "\"system\"", "system")]
    [InlineData("source", "\"api\"", "api")]
    [InlineData("source", "\"web\"", "web")]
    [InlineData("source", "\"openApi\"", "openApi")]
    [InlineData("createdDate", "1739955929000", "1739955929000")]
    [InlineData("createdDate", "\"1739955929000\"", "1739955929000")]
    [InlineData("updatedDate", "1739955929001", "1739955929001")]
    [InlineData("updatedDate", "\"1739955929001\"", "1739955929001")]
    public void A_field_is_decoded_on_both_paths(string field, string json, string expected)
    {
        var frame = Frame($"\"{field}\":{json}");

        Assert.Equal(expected, Property(BothPaths.Single<OrderChanged>(frame), field));
        Assert.True(BothPaths.Fast(frame), "the push reader declined a well-formed order");
    }

    [Theory]
    [InlineData("posType")]
    [InlineData("originalType")]
    [InlineData("leverage")]
    [InlineData("positionModel")]
    [InlineData("margin")]
    [InlineData("positionMargin")]
    [InlineData("fee")]
    [InlineData("frozenFee")]
    [InlineData("makerFee")]
    [InlineData("takerFee")]
    [InlineData("baseSize")]
    [InlineData("liquidateBy")]
    [InlineData("source")]
    [InlineData("createdDate")]
    [InlineData("updatedDate")]
    public void A_field_absent_or_null_is_null(string field)
    {
        Assert.Null(Property(BothPaths.Single<OrderChanged>(Frame("")), field));
        Assert.Null(Property(BothPaths.Single<OrderChanged>(Frame($"\"{field}\":null")), field));
    }

    [Theory]
    [InlineData("leverage")]
    [InlineData("margin")]
    [InlineData("positionMargin")]
    [InlineData("fee")]
    [InlineData("frozenFee")]
    [InlineData("makerFee")]
    [InlineData("takerFee")]
    [InlineData("baseSize")]
    public void Decimals_keep_more_than_twenty_significant_digits(string field)
    {
        foreach (var json in new[] { "\"12345678901234567890.123456\"", "12345678901234567890.123456" })
        {
            var frame = Frame($"\"{field}\":{json}");
            Assert.Equal("12345678901234567890.123456", Property(BothPaths.Single<OrderChanged>(frame), field));
            Assert.True(BothPaths.Fast(frame));
        }
    }

    [Theory]
    [InlineData("leverage", "\"\"")]
    [InlineData("leverage", "{}")]
    [InlineData("leverage", "\"x\"")]
    [InlineData("positionModel", "2")]
    [InlineData("positionModel", "\"2\"")]
    [InlineData("positionModel", "-1")]
    [InlineData("positionModel", "0.5")]
    [InlineData("positionModel", "\"cross\"")]
    [InlineData("positionModel", "\"\"")]
    [InlineData("positionModel", "true")]
    [InlineData("margin", "\"\"")]
    [InlineData("margin", "[]")]
    [InlineData("positionMargin", "false")]
    [InlineData("fee", "\"\"")]
    [InlineData("fee", "{\"v\":1}")]
    [InlineData("frozenFee", "\"abc\"")]
    [InlineData("makerFee", "[1]")]
    [InlineData("takerFee", "\"\"")]
    [InlineData("baseSize", "true")]
    [InlineData("baseSize", "1e400")]
    [InlineData("posType", "true")]
    [InlineData("posType", "{}")]
    [InlineData("originalType", "[]")]
    [InlineData("liquidateBy", "{}")]
    [InlineData("liquidateBy", "false")]
    [InlineData("source", "[\"api\"]")]
    [InlineData("createdDate", "-1")]
    [InlineData("createdDate", "1739955929000.5")]
    [InlineData("createdDate", "\"\"")]
    [InlineData("createdDate", "\"soon\"")]
    [InlineData("createdDate", "253402300800000")]
    [InlineData("updatedDate", "\"-5\"")]
    [InlineData("updatedDate", "0.25")]
    [InlineData("updatedDate", "true")]
    public void A_malformed_field_is_a_typed_error(string field, string json) =>
        BothPaths.Refused(Frame($"\"{field}\":{json}"));

    [Fact]
    public void A_string_escape_in_a_text_field_is_unescaped_by_the_general_path()
    {
        var frame = Frame("""
            "source":"w\u0065b","posType":"\u0070lan"
            """);

        var order = BothPaths.Single<OrderChanged>(frame);

        Assert.Equal(("web", OrderTypes.Limit), (order.Source, order.OrderType));
        Assert.False(BothPaths.Fast(frame));
    }

    [Fact]
    public void An_escaped_plan_trigger_is_still_a_trigger_order() =>
        BothPaths.Single<TriggerOrderChanged>(Frame("""
            "posType":"plan\u0054rigger"
            """));
}
