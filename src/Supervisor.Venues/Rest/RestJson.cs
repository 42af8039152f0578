using System.Text.Json;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Rest;

/// <summary>Parses a REST body within the decoder limits; shape errors become <see cref="RestErrorKind.UnexpectedShape"/>.</summary>
internal static class RestJson
{
    public static RestResult<T> Decode<T>(ReadOnlySpan<byte> body, DecoderLimits limits, Func<JsonElement, RestResult<T>> read)
        where T : class
    {
        if (body.Length > limits.MaxDecompressedBytes)
        {
            return RestResult<T>.Fail(RestErrorKind.TooLarge, $"response of {body.Length} bytes is larger than {limits.MaxDecompressedBytes}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            return RestResult<T>.Fail(RestErrorKind.MalformedJson, "not JSON: " + e.Message);
        }
        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException)
            {
                return RestResult<T>.Fail(RestErrorKind.UnexpectedShape, e.Message);
            }
        }
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new FormatException($"{what} is not an array");

    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw new FormatException($"missing field '{name}'");
}
