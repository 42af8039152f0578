using System.Text.Json.Serialization;
using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>An account-sized event: about 200 bytes of JSON.</summary>
public sealed record BenchEvent(string Account, string Instrument, decimal Price, decimal Quantity, decimal Fee, string OrderId, long Time);

[JsonSerializable(typeof(BenchEvent))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

internal static class BenchData
{
    public static JsonEventSerializer Serializer { get; } = JsonEventSerializer.Create().Register("bench-event.v1", BenchJsonContext.Default.BenchEvent).Build();

    public static BenchEvent Event(int i) =>
        new("account-000123", "BTC-USDT", 85717.01833333999523920m + i, 0.125m, 0.0000437m, $"order-{i:D12}", 1_763_800_000_000 + i);
}
