using System.Text.Json;
using System.Text.Json.Serialization;

namespace Supervisor.Host.Http;

/// <summary>
/// How the API writes JSON: camelCase names, enums as their names, nulls written (a field is always there). Decimals
/// are JSON numbers written with every digit the decimal holds (System.Text.Json writes a decimal's exact text, e.g.
/// <c>0.00012300</c>); a client that must not lose digits reads them as decimals, not doubles (docs/api.md).
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
