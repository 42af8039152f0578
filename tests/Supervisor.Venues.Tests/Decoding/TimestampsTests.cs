using System.Text;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.Decoding;

/// <summary>
/// The integer reading of epoch milliseconds: takes only plain in-range digits, and never answers otherwise than the
/// decimal route (<see cref="Number.TryParse"/> then <see cref="Timestamps.TryFromEpochMilliseconds"/>) would.
/// </summary>
public sealed class TimestampsTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1739955929000", 1739955929000L)]
    [InlineData("253402300799999", 253402300799999L)]
    [InlineData("000000000000007", 7L)]
    public void Plain_digits_in_range_read_as_whole_milliseconds(string text, long expected)
    {
        Assert.True(Timestamps.TryParseWholeMilliseconds(Encoding.ASCII.GetBytes(text), out var at));
        Assert.Equal(expected, at.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("-0")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1739955929000.0")]
    [InlineData("1e3")]
    [InlineData("1E+12")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("0x10")]
    [InlineData("253402300800000")]
    [InlineData("999999999999999")]
    [InlineData("0001739955929000")]
    [InlineData("9223372036854775807")]
    [InlineData("18446744073709551616")]
    [InlineData("123456789012345678901234567890")]
    public void Anything_else_is_left_to_the_decimal_route(string text)
    {
        Assert.False(Timestamps.TryParseWholeMilliseconds(Encoding.ASCII.GetBytes(text), out var at));
        Assert.Equal(default, at);
    }

    [Fact]
    public void Non_ascii_digits_and_bytes_around_the_digit_range_are_refused()
    {
        // '/' and ':' sit either side of '0'..'9'; U+0661 is an Arabic-Indic one; 0xFF is no UTF-8 at all.
        Assert.False(Timestamps.TryParseWholeMilliseconds("1/2"u8, out _));
        Assert.False(Timestamps.TryParseWholeMilliseconds("1:2"u8, out _));
        Assert.False(Timestamps.TryParseWholeMilliseconds(Encoding.UTF8.GetBytes("\u0661"), out _));
        Assert.False(Timestamps.TryParseWholeMilliseconds([(byte)'1', 0xFF], out _));
    }

    [Fact]
    public void Whenever_it_answers_it_agrees_with_the_decimal_route()
    {
        var random = new Random(11);
        for (var i = 0; i < 50_000; i++)
        {
            var text = random.Next(4) switch
            {
                0 => random.NextInt64(0, 253402300799999 + 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => random.NextInt64(0, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => new string('9', random.Next(1, 31)),
                _ => random.NextInt64(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? ".0" : ""),
            };
            var bytes = Encoding.ASCII.GetBytes(text);
            var viaDecimal = Number.TryParse(bytes, out var ms) && Timestamps.TryFromEpochMilliseconds(ms, out var expected) ? expected : (DateTimeOffset?)null;

            if (Timestamps.TryParseWholeMilliseconds(bytes, out var at))
            {
                Assert.Equal(viaDecimal, at);
            }
            else
            {
                Assert.False(viaDecimal is not null && text.All(char.IsAsciiDigit) && text.Length <= 15, text);
            }
        }
    }
}
