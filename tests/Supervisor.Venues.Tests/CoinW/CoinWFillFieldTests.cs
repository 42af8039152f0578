using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>Every documented field of the position_change push that <see cref="FillReceived"/> carries, through both decoding paths.</summary>
public sealed class CoinWFillFieldTests
{
    private const string Item = """
        "id":"21412625432427527","orderId":"33308809187064313","instrument":"BTC","direction":"long","realPrice":"92845","totalPiece":"1","fee":"0.055707"
        """;

    private static string Frame(string extra) => BothPaths.Push("position_change", Item, extra);

    private static string? Property(FillReceived fill, string field) => BothPaths.Text(field switch
    {
        "openId" => fill.PositionId,
        "netProfit" => fill.RealizedPnl,
        "feeRate" => fill.FeeRate,
        "takerMaker" => fill.Liquidity,
        "status" => fill.Closing,
        "openPrice" => fill.EntryPrice,
        "closePrice" => fill.ClosePrice,
        "leverage" => fill.Leverage,
        "positionModel" => fill.MarginMode,
        "fundingSettle" => fill.FundingFee,
        "currentPiece" => fill.PositionQuantity,
        "liquidateBy" => fill.LiquidatedBy,
        "source" => fill.Source,
        "createdDate" => fill.ExecutedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    });

    [Theory]
    [InlineData("openId", "\"2435521222633466843\"", "2435521222633466843")]
    [InlineData("openId", "2435521222633466843", "2435521222633466843")]
    [InlineData("netProfit", "\"-1.25\"", "-1.25")]
    [InlineData("netProfit", "3.5", "3.5")]
    [InlineData("feeRate", "\"0.0006\"", "0.0006")]
    [InlineData("feeRate", "0.0002", "0.0002")]
    [InlineData("takerMaker", "1", "Taker")]
    [InlineData("takerMaker", "\"1\"", "Taker")]
    [InlineData("takerMaker", "2", "Maker")]
    [InlineData("takerMaker", "\"2\"", "Maker")]
    [InlineData("status", "\"open\"", "False")]
    [InlineData("status", "\"close\"", "True")]
    [InlineData("status", "\"closed\"", "True")]
    [InlineData("openPrice", "\"92845\"", "92845")]
    [InlineData("openPrice", "92845.5", "92845.5")]
    [InlineData("closePrice", "\"0\"", "0")]
    [InlineData("closePrice", "93001.25", "93001.25")]
    [InlineData("leverage", "\"5\"", "5")]
    [InlineData("leverage", "5", "5")]
    [InlineData("positionModel", "0", "Isolated")]
    [InlineData("positionModel", "\"1\"", "Cross")]
    [InlineData("fundingSettle", "\"0\"", "0")]
    [InlineData("fundingSettle", "-0.01", "-0.01")]
    [InlineData("currentPiece", "\"1\"", "1")]
    [InlineData("currentPiece", "0", "0")]
    [InlineData("liquidateBy", "\"manual\"", "manual")]
    [InlineData("source", "\"api\"", "api")]
    [InlineData("createdDate", "1745501769376", "1745501769376")]
    [InlineData("createdDate", "\"1745501769376\"", "1745501769376")]
    public void A_field_is_decoded_on_both_paths(string field, string json, string expected) =>
        Assert.Equal(expected, Property(BothPaths.Single<FillReceived>(Frame($"\"{field}\":{json}")), field));

    [Theory]
    [InlineData("openId")]
    [InlineData("netProfit")]
    [InlineData("feeRate")]
    [InlineData("takerMaker")]
    [InlineData("status")]
    [InlineData("openPrice")]
    [InlineData("closePrice")]
    [InlineData("leverage")]
    [InlineData("positionModel")]
    [InlineData("fundingSettle")]
    [InlineData("currentPiece")]
    [InlineData("liquidateBy")]
    [InlineData("source")]
    [InlineData("createdDate")]
    public void A_field_absent_or_null_is_null(string field)
    {
        Assert.Null(Property(BothPaths.Single<FillReceived>(Frame("")), field));
        Assert.Null(Property(BothPaths.Single<FillReceived>(Frame($"\"{field}\":null")), field));
    }

    [Theory]
    [InlineData("netProfit")]
    [InlineData("feeRate")]
    [InlineData("openPrice")]
    [InlineData("closePrice")]
    [InlineData("leverage")]
    [InlineData("fundingSettle")]
    [InlineData("currentPiece")]
    public void Decimals_keep_more_than_twenty_significant_digits(string field)
    {
        Assert.Equal("98765432109876543210.98765", Property(BothPaths.Single<FillReceived>(Frame($"\"{field}\":\"98765432109876543210.98765\"")), field));
        Assert.Equal("98765432109876543210.98765", Property(BothPaths.Single<FillReceived>(Frame($"\"{field}\":98765432109876543210.98765")), field));
    }

    [Theory]
    [InlineData("openId", "{}")]
    [InlineData("openId", "true")]
    [InlineData("netProfit", "\"\"")]
    [InlineData("feeRate", "[]")]
    [InlineData("takerMaker", "3")]
    [InlineData("takerMaker", "0")]
    [InlineData("takerMaker", "\"taker\"")]
    [InlineData("takerMaker", "1.5")]
    [InlineData("takerMaker", "\"\"")]
    [InlineData("status", "\"cancel\"")]
    [InlineData("status", "\"\"")]
    [InlineData("status", "1")]
    [InlineData("status", "true")]
    [InlineData("openPrice", "\"\"")]
    [InlineData("closePrice", "false")]
    [InlineData("leverage", "\"x5\"")]
    [InlineData("positionModel", "2")]
    [InlineData("positionModel", "\"\"")]
    [InlineData("fundingSettle", "{}")]
    [InlineData("currentPiece", "\"\"")]
    [InlineData("liquidateBy", "[]")]
    [InlineData("source", "{}")]
    [InlineData("createdDate", "-1")]
    [InlineData("createdDate", "1745501769376.5")]
    [InlineData("createdDate", "\"\"")]
    [InlineData("createdDate", "253402300800000")]
    public void A_malformed_field_is_a_typed_error(string field, string json) =>
        BothPaths.Refused(Frame($"\"{field}\":{json}"));
}
