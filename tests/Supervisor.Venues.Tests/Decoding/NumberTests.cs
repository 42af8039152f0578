using System.Globalization;
using System.Text;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.Decoding;

/// <summary>The decimal reader against <see cref="decimal.Parse(string, NumberStyles, IFormatProvider)"/>: same value and same scale, or refused alike.</summary>
public sealed class NumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("-0")]
    [InlineData("95400")]
    [InlineData("488.53")]
    [InlineData("5000.00000000")]
    [InlineData("-12.5")]
    [InlineData("007")]
    [InlineData("999999999999999999")]
    [InlineData("9999999999999999999")]
    [InlineData("64099.87500000000000012")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("9.54e4")]
    [InlineData("0E-8")]
    [InlineData("1.5E+3")]
    public void Numbers_read_as_decimal_parse_reads_them(string text)
    {
        var expected = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.True(Number.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
        Assert.Equal(expected.Scale, value.Scale);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("12 ")]
    [InlineData("--1")]
    [InlineData("1e")]
    [InlineData("792281625142643375935439503350")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(Number.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Random_plain_numbers_agree_with_decimal_parse()
    {
        var random = new Random(7);
        for (var i = 0; i < 50_000; i++)
        {
            var whole = random.NextInt64(0, 1_000_000_000_000);
            var fraction = random.Next(0, 4) == 0 ? "" : "." + random.NextInt64(0, 100_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(random.Next(1, 9), '0');
            var text = (random.Next(5) == 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + fraction;
            var expected = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

            Assert.True(Number.TryParse(Encoding.ASCII.GetBytes(text), out var value), text);
            Assert.Equal(expected, value);
            Assert.Equal(expected.Scale, value.Scale);
        }
    }
}
