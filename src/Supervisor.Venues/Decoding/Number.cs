using System.Buffers.Text;

namespace Supervisor.Venues.Decoding;

/// <summary>Decimals straight from UTF-8 bytes, with or without an exponent (<c>95400</c>, <c>0.001</c>, <c>9.54e4</c>, <c>0E-8</c>).</summary>
internal static class Number
{
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        if (TryParsePlain(text, out value))
        {
            return true;
        }
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
    private static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0m;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        if (i == text.Length || text.Length - i > 19)
        {
            return false;
        }
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }
            mantissa = (mantissa * 10) + digit;
            digits++;
            if (scale >= 0)
            {
                scale++;
            }
        }
        if (digits == 0 || digits > 18 || scale == 0)
        {
            return false;
        }
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
