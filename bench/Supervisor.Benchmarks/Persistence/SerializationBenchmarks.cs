using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Supervisor.Actors.State;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>Where replay time goes: the product serializer's manifest registry on one event, beside a bare Utf8JsonReader pass over the same bytes.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private byte[] _bytes = null!;

    [GlobalSetup]
    public void Setup() => _bytes = BenchData.Bytes(42);

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
    public object Deserialize() => StateSerialization.Manifests.Deserialize(BenchData.Manifest, _bytes);

    [Benchmark]
    public byte[] Serialize() => BenchData.Bytes(42);
}
