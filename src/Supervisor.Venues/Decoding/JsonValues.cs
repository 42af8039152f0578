using System.Globalization;
using System.Text.Json;

namespace Supervisor.Venues.Decoding;

/// <summary>Lenient field readers: venues send numbers as JSON numbers or strings, ids as strings or integers.</summary>
internal static class JsonValues
{
    public static decimal Decimal(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new FormatException($"missing field '{name}'");
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new FormatException($"field '{name}' is not a number: {value.GetRawText()}"),
        };
    }

    public static decimal DecimalOr(JsonElement element, string name, decimal fallback) =>
        element.TryGetProperty(name, out _) ? Decimal(element, name) : fallback;

    public static string Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new FormatException($"missing field '{name}'");
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FormatException($"field '{name}' is not text: {value.GetRawText()}"),
        };
    }

    public static string? TextOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Text(element, name) : null;
}
