using System.Globalization;
using System.Text.Json;

namespace Supervisor.Simulator.Tests;

/// <summary>Reads the simulator's frames as plain JSON (not with the client's codecs); the JSON kind of a value is part of each check.</summary>
internal static class RawJson
{
    public static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A number CoinW sends as a JSON string (order, position, position_change).</summary>
    public static decimal Quoted(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String, $"{name} should be a JSON string, is {value.ValueKind}");
        return decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A number sent as a JSON number.</summary>
    public static decimal Number(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.Number, $"{name} should be a JSON number, is {value.ValueKind}");
        return value.GetDecimal();
    }

    public static string Text(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String, $"{name} should be a JSON string, is {value.ValueKind}");
        return value.GetString()!;
    }

    public static bool Has(JsonElement element, string name) => element.TryGetProperty(name, out _);

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}
