using System.Globalization;
using Supervisor.Venues.Decoding;
using Supervisor.Venues.Events;
using static Supervisor.Venues.Tests.ChainUp.ChainUpFrames;

namespace Supervisor.Venues.Tests.ChainUp;

/// <summary>Every documented field of ACCOUNT_UPDATE's <c>d.p</c> and of ADL_PRICE's <c>l[]</c>, on both decoding paths.</summary>
public sealed class ChainUpPositionFieldTests
{
    private const string Balances = "\"a\":[{\"c\":\"USDT\",\"an\":\"5000\",\"la\":\"0\",\"pn\":\"0\"}]";

    private static readonly PositionChanged Created = new("chainup", "501", "E-BTC-USDT", TradeSide.Long, 25m, 64000.5m, 10m, 160.00125m)
    {
        MarginMode = MarginMode.Isolated,
        LiquidationPrice = 57800.2m,
        RealizedPnl = -0.8m,
        MarginRate = 0.0125m,
        InitialMargin = 160.00125m,
        ClosableQuantity = 25m,
    };

    private static string Account(string et, string p) =>
        "{\"channel\":\"ACCOUNT_UPDATE\",\"uid\":2001,\"t\":\"1735689601123\",\"d\":{\"et\":\"" + et + "\"," + Balances + ",\"p\":{" + p + "}}}";

    private static string Create(string p = "\"id\":501,\"cid\":1,\"pt\":2,\"cn\":\"E-BTC-USDT\",\"con\":\"BTCUSDT\",\"l\":10,\"pv\":25,\"op\":64000.5,\"rp\":57800.2,\"hm\":160.00125,\"ra\":-0.8,\"s\":\"BUY\",\"mr\":0.0125,\"oa\":160.00125,\"ccv\":25") =>
        Account("CREATE", p);

    private static string Adl(string item) => "{\"channel\":\"ADL_PRICE\",\"uid\":2001,\"l\":[{" + item + "}]}";

    private const string FullAdl = "\"id\":501,\"al\":3,\"rp\":57800.2,\"ha\":160.00125,\"mr\":0.0125,\"bo\":64100.1,\"so\":64100.3,\"lt\":64100.2,\"tp\":64099.87500000000000012";

    [Fact]
    public void A_create_carries_every_position_field()
    {
        var result = Both(Create());

        Assert.Null(result.Error);
        Assert.Equal(Created, result.Events[1]);
    }

    [Fact]
    public void Numbers_sent_as_strings_read_the_same()
    {
        var result = Both(Create("\"id\":\"501\",\"cid\":\"1\",\"pt\":\"2\",\"cn\":\"E-BTC-USDT\",\"con\":\"BTCUSDT\",\"l\":\"10\",\"pv\":\"25\",\"op\":\"64000.5\",\"rp\":\"57800.2\",\"hm\":\"160.00125\",\"ra\":\"-0.8\",\"s\":\"BUY\",\"mr\":\"0.0125\",\"oa\":\"160.00125\",\"ccv\":\"25\""));

        Assert.Equal(Created, result.Events[1]);
    }

    [Fact]
    public void Margin_mode_1_is_cross_and_2_isolated()
    {
        Assert.Equal(MarginMode.Cross, ((PositionChanged)Both(Create().Replace("\"pt\":2", "\"pt\":1")).Events[1]).MarginMode);
        Assert.Equal(MarginMode.Isolated, ((PositionChanged)Both(Create().Replace("\"pt\":2", "\"pt\":\"2\"")).Events[1]).MarginMode);
    }

    [Fact]
    public void A_create_without_the_optional_fields_leaves_them_null_and_json_null_is_absent()
    {
        var bare = Both(Create("\"id\":501,\"cn\":\"E-BTC-USDT\",\"s\":\"SELL\",\"pv\":2,\"op\":100,\"l\":5,\"rp\":null,\"pt\":null,\"ccv\":null"));

        Assert.Equal(new PositionChanged("chainup", "501", "E-BTC-USDT", TradeSide.Short, 2m, 100m, 5m, 0m), bare.Events[1]);
    }

    [Fact]
    public void An_update_of_a_known_position_merges_only_what_it_carries()
    {
        var result = Both(Create(), Account("UPDATE", "\"id\":501,\"pv\":30,\"rp\":\"57000.1\",\"pt\":1,\"ccv\":30,\"mr\":null"));

        Assert.Equal(Created with { Quantity = 30m, LiquidationPrice = 57000.1m, MarginMode = MarginMode.Cross, ClosableQuantity = 30m }, result.Events[1]);
    }

    [Fact]
    public void The_merged_position_is_remembered_for_the_next_update()
    {
        var result = Both(Create(), Account("UPDATE", "\"id\":501,\"ra\":1.5"), Account("UPDATE", "\"id\":501,\"oa\":170"));

        Assert.Equal(Created with { RealizedPnl = 1.5m, InitialMargin = 170m }, result.Events[1]);
    }

    [Fact]
    public void An_update_of_an_unknown_position_is_a_patch_with_every_field_it_carries()
    {
        var result = Both(Account("UPDATE", "\"id\":777,\"s\":\"SELL\",\"pv\":3,\"op\":\"99.5\",\"l\":20,\"hm\":4,\"pt\":1,\"rp\":120.25,\"ra\":\"-2\",\"mr\":0.5,\"oa\":4.1,\"ccv\":3"));

        Assert.Equal(new PositionPatched("chainup", "777", TradeSide.Short, 3m, 99.5m, 20m, 4m)
        {
            MarginMode = MarginMode.Cross,
            LiquidationPrice = 120.25m,
            RealizedPnl = -2m,
            MarginRate = 0.5m,
            InitialMargin = 4.1m,
            ClosableQuantity = 3m,
        }, result.Events[1]);
    }

    [Theory]
    [InlineData("pt", "3")]
    [InlineData("pt", "0")]
    [InlineData("pt", "1.5")]
    [InlineData("pt", "\"3\"")]
    [InlineData("pt", "\"\"")]
    [InlineData("pt", "true")]
    [InlineData("pt", "{}")]
    [InlineData("rp", "\"\"")]
    [InlineData("rp", "false")]
    [InlineData("rp", "\"57800,2\"")]
    [InlineData("ra", "{\"v\":1}")]
    [InlineData("mr", "[0.1]")]
    [InlineData("oa", "\"abc\"")]
    [InlineData("ccv", "\"\"")]
    [InlineData("pv", "\"\"")]
    [InlineData("hm", "true")]
    public void Malformed_position_fields_are_typed_errors_on_create_and_update(string field, string value)
    {
        var create = Both(Create().Replace("\"" + field + "\":", "\"x" + field + "\":") [..^3] + ",\"" + field + "\":" + value + "}}}");
        var update = Both(Account("UPDATE", "\"id\":501,\"" + field + "\":" + value));

        Assert.Equal(DecodeErrorKind.UnexpectedShape, create.Error?.Kind);
        Assert.Equal(DecodeErrorKind.UnexpectedShape, update.Error?.Kind);
        Assert.Empty(create.Events);
    }

    [Fact]
    public void An_ADL_item_carries_the_rank_the_risk_figures_and_the_market_prices()
    {
        var result = Both(Create(), Adl(FullAdl));

        var adl = Assert.IsType<AdlRankChanged>(Assert.Single(result.Events));
        Assert.Equal(new AdlRankChanged("chainup", "501", "E-BTC-USDT", 3)
        {
            LiquidationPrice = 57800.2m,
            PositionMargin = 160.00125m,
            MarginRate = 0.0125m,
            BestBid = 64100.1m,
            BestAsk = 64100.3m,
            LastPrice = 64100.2m,
            MarkPrice = 64099.87500000000000012m,
        }, adl);
        Assert.Equal("64099.87500000000000012", adl.MarkPrice!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ADL_numbers_as_strings_keep_every_digit_and_an_unknown_position_has_no_instrument()
    {
        var result = Both(Adl("\"id\":\"9\",\"al\":\"1\",\"rp\":\"1.5\",\"ha\":\"2.5\",\"mr\":\"0.0083629621201431\",\"bo\":\"85709.2\",\"so\":\"85709.3\",\"lt\":\"85718.4\",\"tp\":\"85717.01833333999523920\""));

        var adl = Assert.IsType<AdlRankChanged>(Assert.Single(result.Events));
        Assert.Equal(("9", "", 1), (adl.PositionId, adl.Instrument, adl.Rank));
        Assert.Equal("85717.01833333999523920", adl.MarkPrice!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.0083629621201431", adl.MarginRate!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((1.5m, 2.5m, 85709.2m, 85709.3m, 85718.4m), (adl.LiquidationPrice, adl.PositionMargin, adl.BestBid, adl.BestAsk, adl.LastPrice));
    }

    [Fact]
    public void ADL_sends_no_separate_mark_event_and_missing_or_null_figures_are_null()
    {
        var result = Both(Create(), Adl("\"id\":501,\"al\":2,\"tp\":null,\"bo\":null"));

        Assert.Equal(new AdlRankChanged("chainup", "501", "E-BTC-USDT", 2), Assert.Single(result.Events));
        Assert.Empty(result.Events.OfType<MarkPriceChanged>());
    }

    [Theory]
    [InlineData("\"al\":1.5")]
    [InlineData("\"al\":\"1.5\"")]
    [InlineData("\"al\":-1")]
    [InlineData("\"al\":2147483648")]
    [InlineData("\"al\":\"\"")]
    [InlineData("\"al\":true")]
    [InlineData("\"al\":null")]
    [InlineData("\"al\":3,\"rp\":\"\"")]
    [InlineData("\"al\":3,\"ha\":{}")]
    [InlineData("\"al\":3,\"mr\":[1]")]
    [InlineData("\"al\":3,\"bo\":false")]
    [InlineData("\"al\":3,\"so\":\"x\"")]
    [InlineData("\"al\":3,\"lt\":\"\"")]
    [InlineData("\"al\":3,\"tp\":true")]
    public void Malformed_ADL_fields_are_typed_errors(string fields)
    {
        var result = Both(Adl("\"id\":501," + fields));

        Assert.Equal(DecodeErrorKind.UnexpectedShape, result.Error?.Kind);
    }

    [Fact]
    public void The_largest_rank_an_int_holds_is_accepted()
    {
        Assert.Equal(int.MaxValue, ((AdlRankChanged)Both(Adl("\"id\":1,\"al\":2147483647")).Events[0]).Rank);
    }
}
