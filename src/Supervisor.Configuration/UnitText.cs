namespace Supervisor.Configuration;

/// <summary>Splits <c>"10 MiB"</c> into the number and the trailing letters that name its unit.</summary>
internal static class UnitText
{
    public static (string Number, string Unit) Split(string text)
    {
        var i = text.Length;
        while (i > 0 && char.IsAsciiLetter(text[i - 1]))
        {
            i--;
        }
        return (text[..i].Trim(), text[i..]);
    }
}
