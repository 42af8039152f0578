using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>The fields a trigger order on the order channel carries into <see cref="TriggerOrderChanged"/>, through both paths.</summary>
public sealed class CoinWTriggerOrderFieldTests
{
    private const string Item = """
        "id":"33308740320587100","instrument":"BTC","direction":"short","orderPrice":"95400","triggerPrice":"96000","totalPiece":"2","orderStatus":"unFinish"
        """;

    private static string Frame(string extra, string marker = "\"posType\":\"planTrigger\"") =>
        BothPaths.Push("order", Item, extra.Length == 0 ? marker : marker + "," + extra);

    private static string? Property(TriggerOrderChanged trigger, string field) => BothPaths.Text(field switch
    {
        "orderPrice" => trigger.Price,
        "leverage" => trigger.Leverage,
        "positionModel" => trigger.MarginMode,
        "source" => trigger.Source,
        "createdDate" => trigger.CreatedAt,
        "updatedDate" => trigger.UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    });

    [Fact]
    public void The_trigger_carries_its_order_price_apart_from_its_trigger_price()
    {
        foreach (var marker in new[] { "\"posType\":\"planTrigger\"", "\"originalType\":\"planTrigger\"" })
        {
            var frame = Frame("", marker);
            var trigger = BothPaths.Single<TriggerOrderChanged>(frame);
            Assert.Equal(new TriggerOrderChanged("coinw", "33308740320587100", "BTC", TradeSide.Short, 96000m, 2m, OrderStatus.New) { Price = 95400m }, trigger);
            Assert.True(BothPaths.Fast(frame));
        }
    }

    [Theory]
    [InlineData("leverage", "\"10\"", "10")]
    [InlineData("leverage", "10", "10")]
    [InlineData("leverage", "\"12345678901234567890.123456\"", "12345678901234567890.123456")]
    [InlineData("positionModel", "0", "Isolated")]
    [InlineData("positionModel", "\"1\"", "Cross")]
    [InlineData("source", "\"api\"", "api")]
    [InlineData("source", "\"web\"", "web")]
    [InlineData("createdDate", "1739955929000", "1739955929000")]
    [InlineData("createdDate", "\"1739955929000\"", "1739955929000")]
    [InlineData("updatedDate", "1739955929123", "1739955929123")]
    [InlineData("updatedDate", "\"1739955929123\"", "1739955929123")]
    public void A_field_is_decoded_on_both_paths(string field, string json, string expected)
    {
        var frame = Frame($"\"{field}\":{json}");

        Assert.Equal(expected, Property(BothPaths.Single<TriggerOrderChanged>(frame), field));
        Assert.True(BothPaths.Fast(frame));
    }

    [Theory]
    [InlineData("leverage")]
    [InlineData("positionModel")]
    [InlineData("source")]
    [InlineData("createdDate")]
    [InlineData("updatedDate")]
    public void A_field_null_is_null(string field) =>
        Assert.Null(Property(BothPaths.Single<TriggerOrderChanged>(Frame($"\"{field}\":null")), field));

    [Fact]
    public void The_price_keeps_more_than_twenty_significant_digits()
    {
        var frame = BothPaths.Push("order", Item.Replace("\"95400\"", "12345678901234567890.123456", StringComparison.Ordinal), "\"posType\":\"planTrigger\"");

        Assert.Equal(12345678901234567890.123456m, BothPaths.Single<TriggerOrderChanged>(frame).Price);
    }

    // A trigger order is read whole, as an order, so a malformed field it does not carry still fails it.
    [Theory]
    [InlineData("positionModel", "2")]
    [InlineData("positionModel", "\"\"")]
    [InlineData("leverage", "\"\"")]
    [InlineData("leverage", "[]")]
    [InlineData("source", "{}")]
    [InlineData("createdDate", "-1")]
    [InlineData("createdDate", "1.5")]
    [InlineData("updatedDate", "\"\"")]
    [InlineData("frozenFee", "\"\"")]
    [InlineData("makerFee", "true")]
    public void A_malformed_field_is_a_typed_error(string field, string json) =>
        BothPaths.Refused(Frame($"\"{field}\":{json}"));
}
