using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>Durations and sizes as the typed getters read them (digest §4).</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData("1000", 1_000 * TimeSpan.TicksPerMillisecond)]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("10 seconds", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1d", TimeSpan.TicksPerDay)]
    [InlineData("500us", 5_000)]
    [InlineData("100 nanos", 1)]
    [InlineData("-1s", -TimeSpan.TicksPerSecond)]
    [InlineData("4878955355435272204ns", 48_789_553_554_352_722)]
    [InlineData("-4878955355435272204ns", -48_789_553_554_352_722)]
    [InlineData("0.5 minutes", 30 * TimeSpan.TicksPerSecond)]
    public void Durations_read_with_every_unit(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconDuration.Parse(text));

    [Fact]
    public void Infinite_is_akka_s_spelling_of_no_timeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, HoconDuration.Parse("infinite"));
        Assert.Equal(Timeout.InfiniteTimeSpan, HoconDuration.Parse("Infinite"));
    }

    [Theory]
    [InlineData("1S")]
    [InlineData("1w")]
    [InlineData("5 fortnights")]
    [InlineData("abc")]
    [InlineData("s")]
    [InlineData("99999999999999999999999d")]
    public void Bad_durations_name_the_accepted_units(string text)
    {
        var error = Assert.Throws<FormatException>(() => HoconDuration.Parse(text));

        Assert.Contains(text, error.Message);
    }

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("10B", 10L)]
    [InlineData("1 byte", 1L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1 kilobytes", 1_000L)]
    [InlineData("10MB", 10_000_000L)]
    [InlineData("10M", 10_485_760L)]
    [InlineData("10m", 10_485_760L)]
    [InlineData("10MiB", 10_485_760L)]
    [InlineData("10 mebibytes", 10_485_760L)]
    [InlineData("1K", 1_024L)]
    [InlineData("1Ki", 1_024L)]
    [InlineData("0.5M", 524_288L)]
    [InlineData("2GiB", 2_147_483_648L)]
    [InlineData("1EB", 1_000_000_000_000_000_000L)]
    public void Sizes_read_in_powers_of_ten_and_two(string text, long bytes) =>
        Assert.Equal(bytes, HoconByteSize.Parse(text));

    [Theory]
    [InlineData("1KB")]
    [InlineData("1mb")]
    [InlineData("10 ZB")]
    [InlineData("1YiB")]
    [InlineData("ten MiB")]
    public void Bad_or_too_large_sizes_fail_clearly(string text) =>
        Assert.Throws<FormatException>(() => HoconByteSize.Parse(text));

    [Fact]
    public void Getters_convert_and_name_the_setting_on_a_bad_value()
    {
        var config = HoconLoader.ParseString("""
            t = 5 minutes
            n = 1000
            size = 4MiB
            bad = 3 parsecs
            switch = off
            """, Corpus.NoEnvironment);

        Assert.Equal(TimeSpan.FromMinutes(5), config.GetTimeSpan("t"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("n"));
        Assert.Equal(4 * 1024 * 1024, config.GetByteSize("size"));
        Assert.False(config.GetBoolean("switch"));
        var error = Assert.Throws<HoconException>(() => config.GetTimeSpan("bad"));
        Assert.StartsWith("string:4:7: 'bad': '3 parsecs' is not a duration", error.Message);
    }
}
