using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>Where replay time goes: deserializing one event with the manifest registry, beside a bare Utf8JsonReader pass over the same bytes.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup() => _bytes = BenchData.Serializer.Serialize(BenchData.Event(42)).Bytes;

    [Benchmark(Baseline = true)]
    public int RawJsonReaderPass()
    {
        var reader = new Utf8JsonReader(_bytes);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    [Benchmark]
    public object Deserialize() => BenchData.Serializer.Deserialize("bench-event.v1", _bytes);

    [Benchmark]
    public byte[] Serialize() => BenchData.Serializer.Serialize(BenchData.Event(42)).Bytes;
}
