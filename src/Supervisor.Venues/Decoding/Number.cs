using System.Buffers.Text;

namespace Supervisor.Venues.Decoding;

/// <summary>Decimals straight from UTF-8 bytes, with or without an exponent (<c>95400</c>, <c>0.001</c>, <c>9.54e4</c>, <c>0E-8</c>).</summary>
internal static class Number
{
    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        // Utf8Parser's default format has no exponent and 'E' insists on a form with one: try the common one first.
        if (Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
        {
            return true;
        }
        return Utf8Parser.TryParse(text, out value, out consumed, 'E') && consumed == text.Length;
    }
}
