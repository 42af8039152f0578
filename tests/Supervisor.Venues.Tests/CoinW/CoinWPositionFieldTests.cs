using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>Every documented field of the position push that <see cref="PositionChanged"/> carries, through both decoding paths.</summary>
public sealed class CoinWPositionFieldTests
{
    private const string Item = """
        "id":"2435521222631981320","instrument":"BTC","direction":"short","openPrice":"88802.7","currentPiece":"1","leverage":"1","margin":"88.8027","status":"open"
        """;

    private static string Frame(string extra) => BothPaths.Push("position", Item, extra);

    private static string? Property(PositionChanged position, string field) => BothPaths.Text(field switch
    {
        "positionModel" => position.MarginMode,
        "positionMargin" => position.PositionMargin,
        "fee" => position.Fee,
        "fundingSettle" => position.FundingFee,
        "closedPiece" => position.ClosedQuantity,
        "baseSize" => position.BaseQuantity,
        "createdDate" => position.OpenedAt,
        "updatedDate" => position.UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    });

    [Theory]
    [InlineData("positionModel", "0", "Isolated")]
    [InlineData("positionModel", "\"0\"", "Isolated")]
    [InlineData("positionModel", "1", "Cross")]
    [InlineData("positionModel", "\"1\"", "Cross")]
    [InlineData("positionMargin", "\"88.8027\"", "88.8027")]
    [InlineData("positionMargin", "88.8027", "88.8027")]
    [InlineData("fee", "\"0.05328162\"", "0.05328162")]
    [InlineData("fee", "0.05328162", "0.05328162")]
    [InlineData("fundingSettle", "\"-0.0125\"", "-0.0125")]
    [InlineData("fundingSettle", "0", "0")]
    [InlineData("closedPiece", "\"3\"", "3")]
    [InlineData("closedPiece", "3", "3")]
    [InlineData("baseSize", "\"0.001\"", "0.001")]
    [InlineData("baseSize", "0.001", "0.001")]
    [InlineData("createdDate", "1740569719634", "1740569719634")]
    [InlineData("createdDate", "\"1740569719634\"", "1740569719634")]
    [InlineData("updatedDate", "1740569719635", "1740569719635")]
    [InlineData("updatedDate", "\"1740569719635\"", "1740569719635")]
    public void A_field_is_decoded_on_both_paths(string field, string json, string expected)
    {
        var frame = Frame($"\"{field}\":{json}");

        Assert.Equal(expected, Property(BothPaths.Single<PositionChanged>(frame), field));
        Assert.True(BothPaths.Fast(frame), "the push reader declined a well-formed position");
    }

    [Theory]
    [InlineData("positionModel")]
    [InlineData("positionMargin")]
    [InlineData("fee")]
    [InlineData("fundingSettle")]
    [InlineData("closedPiece")]
    [InlineData("baseSize")]
    [InlineData("createdDate")]
    [InlineData("updatedDate")]
    public void A_field_absent_or_null_is_null(string field)
    {
        Assert.Null(Property(BothPaths.Single<PositionChanged>(Frame("")), field));
        Assert.Null(Property(BothPaths.Single<PositionChanged>(Frame($"\"{field}\":null")), field));
    }

    [Theory]
    [InlineData("positionMargin")]
    [InlineData("fee")]
    [InlineData("fundingSettle")]
    [InlineData("closedPiece")]
    [InlineData("baseSize")]
    public void Decimals_keep_more_than_twenty_significant_digits(string field)
    {
        foreach (var json in new[] { "\"-1234567890123456789.0123456\"", "-1234567890123456789.0123456" })
        {
            var frame = Frame($"\"{field}\":{json}");
            Assert.Equal("-1234567890123456789.0123456", Property(BothPaths.Single<PositionChanged>(frame), field));
            Assert.True(BothPaths.Fast(frame));
        }
    }

    [Theory]
    [InlineData("positionModel", "2")]
    [InlineData("positionModel", "\"2\"")]
    [InlineData("positionModel", "0.5")]
    [InlineData("positionModel", "\"isolated\"")]
    [InlineData("positionModel", "[]")]
    [InlineData("positionMargin", "\"\"")]
    [InlineData("positionMargin", "{}")]
    [InlineData("fee", "\"\"")]
    [InlineData("fee", "true")]
    [InlineData("fundingSettle", "\"n/a\"")]
    [InlineData("fundingSettle", "[0]")]
    [InlineData("closedPiece", "\"\"")]
    [InlineData("baseSize", "false")]
    [InlineData("createdDate", "-1740569719634")]
    [InlineData("createdDate", "1740569719634.25")]
    [InlineData("createdDate", "\"\"")]
    [InlineData("updatedDate", "\"later\"")]
    [InlineData("updatedDate", "253402300800000")]
    public void A_malformed_field_is_a_typed_error(string field, string json) =>
        BothPaths.Refused(Frame($"\"{field}\":{json}"));

    [Fact]
    public void A_closed_position_reads_only_its_id_and_instrument()
    {
        var frame = BothPaths.Push("position", Item.Replace("\"open\"", "\"close\"", StringComparison.Ordinal), "\"positionModel\":2,\"fee\":\"\"");

        Assert.Equal(new PositionClosed("coinw", "2435521222631981320", "BTC"), BothPaths.Single<PositionClosed>(frame));
    }
}
