using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Supervisor.Venues.Decoding;

/// <summary>Lenient field readers: venues send numbers as JSON numbers or strings, ids as strings or integers.</summary>
internal static class JsonValues
{
    /// <summary>Looked up by UTF-8 name (no transcoding of the name); string numbers are parsed from their raw bytes.</summary>
    public static decimal Decimal(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) ? DecimalOf(value, name) : throw Missing(name);

    public static decimal DecimalOr(JsonElement element, ReadOnlySpan<byte> name, decimal fallback) =>
        element.TryGetProperty(name, out var value) ? DecimalOf(value, name) : fallback;

    public static string Text(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) ? TextOf(value, name) : throw Missing(name);

    public static string? TextOrNull(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? TextOf(value, name) : null;

    /// <summary>A decimal, or null when the field is absent or JSON null; any other non-number (an empty string too) throws.</summary>
    public static decimal? OptionalDecimal(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? DecimalOf(value, name) : null;

    /// <summary>Text, or null when the field is absent or JSON null; an object, array or boolean throws.</summary>
    public static string? OptionalText(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? TextOf(value, name) : null;

    /// <summary>Epoch milliseconds (number or string), or null when absent or JSON null; a fraction or a time outside years 1970–9999 throws.</summary>
    public static DateTimeOffset? OptionalTimestamp(JsonElement element, ReadOnlySpan<byte> name) =>
        OptionalDecimal(element, name) is { } ms ? Timestamps.FromEpochMilliseconds(ms, name) : null;

    private static decimal DecimalOf(JsonElement value, ReadOnlySpan<byte> name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetDecimal();
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                var inner = raw[1..^1];
                // Escaped strings are rare; let the slow path unescape them.
                if (inner.IndexOf((byte)'\\') < 0 && Number.TryParse(inner, out var parsed))
                {
                    return parsed;
                }
                if (decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed))
                {
                    return parsed;
                }
                break;
        }
        throw new FormatException($"field '{Encoding.UTF8.GetString(name)}' is not a number: {value.GetRawText()}");
    }

    private static string TextOf(JsonElement value, ReadOnlySpan<byte> name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException($"field '{Encoding.UTF8.GetString(name)}' is not text: {value.GetRawText()}"),
    };

    private static FormatException Missing(ReadOnlySpan<byte> name) => new($"missing field '{Encoding.UTF8.GetString(name)}'");
}
