using System.Text.Json;

namespace Supervisor.Venues.Decoding;

/// <summary>Classifies System.Text.Json's parse errors, which carry no code of their own, only a message.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// <see cref="DecodeErrorKind.TooDeep"/> for "The maximum configured depth of N has been exceeded", anything else
    /// <see cref="DecodeErrorKind.MalformedJson"/>. Matching the bare word "depth" was wrong: a truncated frame fails with
    /// "Expected depth to be zero at the end of the JSON payload" and was reported as too deep.
    /// </summary>
    public static DecodeErrorKind KindOf(JsonException error) =>
        error.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) ? DecodeErrorKind.TooDeep : DecodeErrorKind.MalformedJson;
}
