using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Supervisor.Venues.Decoding;

/// <summary>Decimals straight from UTF-8 bytes, with or without an exponent (<c>95400</c>, <c>0.001</c>, <c>9.54e4</c>, <c>0E-8</c>).</summary>
internal static class Number
{
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value) => TryParsePlain(text, out value) || TryParseGeneral(text, out value);

    /// <summary>Exponents and long figures; kept out of line so that the callers of <see cref="TryParse"/> stay small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseGeneral(ReadOnlySpan<byte> text, out decimal value)
    {
        // Utf8Parser's default format has no exponent and 'E' insists on a form with one: try the common one first.
        if (Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
        {
            return true;
        }
        return Utf8Parser.TryParse(text, out value, out consumed, 'E') && consumed == text.Length;
    }

    /// <summary>
    /// The form nearly every price and quantity takes — an optional minus, at most 18 digits, at most one point — built
    /// from its digits and scale without the general parser. Anything else (exponent, more digits) returns false.
    /// </summary>
    /// <remarks>
    /// The whole part and the fraction are read by two tight loops rather than one that asks of every byte whether it
    /// is the point: a third less time on the short figures venues send. At most 20 bytes means at most 19 digits, so
    /// the accumulator cannot overflow before the digit count is checked.
    /// </remarks>
    private static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }
        var negative = text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        var start = i;
        ulong mantissa = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                break;
            }
            mantissa = (mantissa * 10) + digit;
        }
        var whole = i - start;
        var scale = 0;
        if (i < text.Length)
        {
            if (whole == 0 || text[i] != (byte)'.')
            {
                return false;
            }
            var fraction = ++i;
            for (; i < text.Length; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    return false;
                }
                mantissa = (mantissa * 10) + digit;
            }
            scale = i - fraction;
            if (scale == 0)
            {
                return false;
            }
        }
        if (whole == 0 || whole + scale > 18)
        {
            return false;
        }
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }
}
