using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>Every documented field of the assets push that <see cref="AssetBalanceChanged"/> carries, through both decoding paths.</summary>
public sealed class CoinWAssetsFieldTests
{
    private const string Item = """
        "currency":"usdt","available":488.53,"margin":1.5,"freeze":0.25
        """;

    private static string Frame(string extra) => BothPaths.Push("assets", Item, extra).Replace("\"BTC\"", "\"USDT\"", StringComparison.Ordinal);

    private static string? Property(AssetBalanceChanged balance, string field) => BothPaths.Text(field switch
    {
        "hold" => balance.Hold,
        "availableMargin" => balance.AvailableMargin,
        "transferAvailable" => balance.Transferable,
        "profitUnreal" => balance.UnrealizedPnl,
        "almightyGold" => balance.CouponBalance,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    });

    [Theory]
    [InlineData("hold", "0.5", "0.5")]
    [InlineData("hold", "\"0.5\"", "0.5")]
    [InlineData("availableMargin", "488.53", "488.53")]
    [InlineData("availableMargin", "\"488.53\"", "488.53")]
    [InlineData("transferAvailable", "400.1", "400.1")]
    [InlineData("transferAvailable", "\"400.1\"", "400.1")]
    [InlineData("profitUnreal", "-12.75", "-12.75")]
    [InlineData("profitUnreal", "\"-12.75\"", "-12.75")]
    [InlineData("almightyGold", "0", "0")]
    [InlineData("almightyGold", "\"25\"", "25")]
    public void A_field_is_decoded_on_both_paths(string field, string json, string expected)
    {
        var frame = Frame($"\"{field}\":{json}");

        Assert.Equal(expected, Property(BothPaths.Single<AssetBalanceChanged>(frame), field));
        Assert.True(BothPaths.Fast(frame), "the push reader declined a well-formed balance");
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("availableMargin")]
    [InlineData("transferAvailable")]
    [InlineData("profitUnreal")]
    [InlineData("almightyGold")]
    public void Fields_absent_or_null_are_null_and_twenty_digits_are_kept(string field)
    {
        Assert.Null(Property(BothPaths.Single<AssetBalanceChanged>(Frame("")), field));
        Assert.Null(Property(BothPaths.Single<AssetBalanceChanged>(Frame($"\"{field}\":null")), field));
        foreach (var json in new[] { "\"10000000000000000000.000001\"", "10000000000000000000.000001" })
        {
            var frame = Frame($"\"{field}\":{json}");
            Assert.Equal("10000000000000000000.000001", Property(BothPaths.Single<AssetBalanceChanged>(frame), field));
            Assert.True(BothPaths.Fast(frame));
        }
    }

    [Fact]
    public void Frozen_is_freeze_alone_and_hold_is_apart()
    {
        var balance = BothPaths.Single<AssetBalanceChanged>(Frame("\"hold\":0.75"));

        Assert.Equal(new AssetBalanceChanged("coinw", "USDT", 488.53m, 0.25m, 1.5m) { Hold = 0.75m }, balance);
        Assert.Equal(488.53m + 0.25m + 0.75m + 1.5m, balance.Total);
    }

    [Fact]
    public void A_repeated_currency_keeps_its_last_record()
    {
        var frame = """
            {"biz":"futures","pairCode":"USDT","data":[{"currency":"usdt","available":1,"hold":0.5,"almightyGold":3},{"currency":"btc","available":2},{"currency":"USDT","available":4,"profitUnreal":"-1"}],"type":"assets"}
            """;

        var result = BothPaths.Decode(frame);

        Assert.Equal<VenueEvent>([
            new AssetBalanceChanged("coinw", "USDT", 4m, 0m, 0m) { UnrealizedPnl = -1m },
            new AssetBalanceChanged("coinw", "BTC", 2m, 0m, 0m)], result.Events);
        Assert.True(BothPaths.Fast(frame));
    }

    [Theory]
    [InlineData("hold", "\"\"")]
    [InlineData("hold", "true")]
    [InlineData("availableMargin", "\"\"")]
    [InlineData("availableMargin", "{}")]
    [InlineData("transferAvailable", "[]")]
    [InlineData("transferAvailable", "\"all\"")]
    [InlineData("profitUnreal", "\"\"")]
    [InlineData("profitUnreal", "false")]
    [InlineData("almightyGold", "\"\"")]
    [InlineData("almightyGold", "{\"amount\":1}")]
    [InlineData("almightyGold", "1e400")]
    public void A_malformed_field_is_a_typed_error(string field, string json) =>
        BothPaths.Refused(Frame($"\"{field}\":{json}"));
}
