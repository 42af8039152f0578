using System.Globalization;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// HOCON's whitespace: Unicode Zs, Zl and Zp, the ASCII controls tab to CR, the separators U+001C..U+001F and the BOM.
/// <c>char.IsWhiteSpace</c> is not used because it adds U+0085 and misses the BOM.
/// </summary>
internal static class HoconWhitespace
{
    public static bool Is(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r' or '\uFEFF' => true,
        >= '\u001C' and <= '\u001F' => true,
        < '\u00A0' => false,
        _ => char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
    };
}
