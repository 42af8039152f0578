using Supervisor.Tests.Fixtures;
using Supervisor.Venues.Events;

namespace Supervisor.Venues.Tests.CoinW;

/// <summary>The user_setting push as <see cref="MarginSettingsChanged"/>, and the mark price's time, through both decoding paths.</summary>
public sealed class CoinWSettingAndMarkPriceTests
{
    private static string Setting(string fields) => $$"""{"biz":"futures","data":[{{{fields}}}],"type":"user_setting"}""";

    private static string Mark(string t) => $$"""{"biz":"futures","pairCode":"btc","data":{"p":"86470.00000000000000000012"{{t}},"n":"btc"},"type":"mark_price"}""";

    [Fact]
    public void The_user_setting_fixture_decodes_to_margin_settings() =>
        Assert.Equal(new MarginSettingsChanged("coinw", MarginMode.Cross, PositionLayout.Split), BothPaths.Single<MarginSettingsChanged>(Fixtures.CoinWPush("MarginConfig.txt")));

    [Theory]
    [InlineData("\"layout\":0,\"positionModel\":0", MarginMode.Isolated, PositionLayout.Merged)]
    [InlineData("\"layout\":\"1\",\"positionModel\":\"0\"", MarginMode.Isolated, PositionLayout.Split)]
    [InlineData("\"positionModel\":1,\"layout\":0,\"userId\":600001359", MarginMode.Cross, PositionLayout.Merged)]
    public void Settings_decode_from_numbers_or_strings(string fields, MarginMode mode, PositionLayout layout) =>
        Assert.Equal(new MarginSettingsChanged("coinw", mode, layout), BothPaths.Single<MarginSettingsChanged>(Setting(fields)));

    [Fact]
    public void Each_record_is_one_event()
    {
        var result = BothPaths.Decode("""{"biz":"futures","data":[{"layout":0,"positionModel":0},{"layout":1,"positionModel":1}],"type":"user_setting"}""");

        Assert.Equal<VenueEvent>([
            new MarginSettingsChanged("coinw", MarginMode.Isolated, PositionLayout.Merged),
            new MarginSettingsChanged("coinw", MarginMode.Cross, PositionLayout.Split)], result.Events);
    }

    [Theory]
    [InlineData("\"layout\":2,\"positionModel\":0")]
    [InlineData("\"layout\":0,\"positionModel\":2")]
    [InlineData("\"layout\":\"\",\"positionModel\":0")]
    [InlineData("\"layout\":0,\"positionModel\":\"\"")]
    [InlineData("\"layout\":true,\"positionModel\":0")]
    [InlineData("\"layout\":0,\"positionModel\":{}")]
    [InlineData("\"layout\":0.5,\"positionModel\":0")]
    [InlineData("\"positionModel\":0")]
    [InlineData("\"layout\":0")]
    [InlineData("\"layout\":0,\"positionModel\":null")]
    public void Settings_that_are_missing_or_out_of_range_are_typed_errors(string fields) => BothPaths.Refused(Setting(fields));

    [Fact]
    public void A_user_setting_data_that_is_not_an_array_is_a_typed_error() =>
        BothPaths.Refused("""{"biz":"futures","data":{"layout":0,"positionModel":0},"type":"user_setting"}""");

    [Theory]
    [InlineData(",\"t\":1790131588720")]
    [InlineData(",\"t\":\"1790131588720\"")]
    public void The_mark_price_carries_its_time(string t)
    {
        var mark = BothPaths.Single<MarkPriceChanged>(Mark(t));

        Assert.Equal(new MarkPriceChanged("coinw", "BTC", 86470.00000000000000000012m) { At = DateTimeOffset.FromUnixTimeMilliseconds(1790131588720) }, mark);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"t\":null")]
    public void A_mark_price_without_a_time_has_none(string t) => Assert.Null(BothPaths.Single<MarkPriceChanged>(Mark(t)).At);

    [Theory]
    [InlineData(",\"t\":-1")]
    [InlineData(",\"t\":1790131588720.5")]
    [InlineData(",\"t\":\"\"")]
    [InlineData(",\"t\":true")]
    [InlineData(",\"t\":[1790131588720]")]
    [InlineData(",\"t\":253402300800000")]
    public void A_malformed_mark_price_time_is_a_typed_error(string t) => BothPaths.Refused(Mark(t));
}
