using System.Text.Json;
using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>Structural comparison: object key order ignored, numbers by value.</summary>
internal static class JsonTree
{
    public static JsonElement Of(HoconValue value) =>
        JsonDocument.Parse(HoconRenderer.Render(value, new HoconRenderOptions(Json: true, MaskSecrets: false))).RootElement;

    public static JsonElement Read(string file) => JsonDocument.Parse(System.IO.File.ReadAllText(file)).RootElement;

    public static void AssertEqual(JsonElement expected, HoconValue actual) =>
        AssertEqual(expected, Of(actual));

    public static void AssertEqual(JsonElement expected, JsonElement actual)
    {
        var difference = Diff(expected, actual, "$");
        Assert.True(difference is null, difference + "\nactual: " + actual);
    }

    public static string? Diff(JsonElement expected, JsonElement actual, string at)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual)))
        {
            return $"{at}: expected {expected.ValueKind} {expected}, got {actual.ValueKind} {actual}";
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    return $"{at}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]";
                }
                foreach (var key in expectedKeys)
                {
                    if (Diff(expected.GetProperty(key), actual.GetProperty(key), $"{at}.{key}") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{at}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}: {actual}";
                }
                return expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((pair, i) => Diff(pair.First, pair.Second, $"{at}[{i}]"))
                    .FirstOrDefault(d => d is not null);
            case JsonValueKind.Number:
                var same = expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a) ? e == a : expected.GetDouble() == actual.GetDouble();
                return same ? null : $"{at}: expected {expected}, got {actual}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{at}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"";
            default:
                return expected.ValueKind == actual.ValueKind ? null : $"{at}: expected {expected}, got {actual}";
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;
}
