using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Supervisor.Configuration;
using Supervisor.Configuration.Hocon;

namespace Supervisor.Benchmarks.Configuration;

/// <summary>
/// Reading Akka.NET's 41 KB reference.conf (from the conformance corpus) beside the raw baseline: System.Text.Json
/// parsing the same tree written as JSON. Also the full path into Microsoft.Extensions.Configuration, beside the
/// same JSON flattened by hand.
/// </summary>
[MemoryDiagnoser]
public class HoconParseBenchmarks
{
    private string _hocon = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(RepositoryRoot(), "tests", "hocon-conformance", "akkadotnet-hocon", "reference.conf");
        _hocon = File.ReadAllText(file);
        var tree = HoconLoader.ParseString(_hocon, HoconOptions.Default.WithoutEnvironment()).Root;
        _json = HoconRenderer.Render(tree, new HoconRenderOptions(Json: true, MaskSecrets: false));
    }

    [Benchmark(Baseline = true)]
    public int RawJsonDocument()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    public int HoconParseAndResolve() =>
        HoconLoader.ParseString(_hocon, HoconOptions.Default.WithoutEnvironment()).Root.Count;

    [Benchmark]
    public int HoconTokenizeOnly()
    {
        var tokenizer = new Tokenizer(_hocon, "reference.conf");
        var count = 0;
        while (tokenizer.Next().Kind != TokenKind.Eof)
        {
            count++;
        }
        return count;
    }

    [Benchmark]
    public int HoconParseOnly() =>
        new Parser(_hocon, IncludeContext.ForText("reference.conf", HoconOptions.Default.WithoutEnvironment())).ParseDocument().Keys.Count;

    [Benchmark]
    public int RawJsonFlattened()
    {
        using var document = JsonDocument.Parse(_json);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(document.RootElement, null, data);
        return data.Count;
    }

    [Benchmark]
    public int HoconIntoConfiguration() =>
        HoconFlattener.Flatten(HoconLoader.ParseString(_hocon, HoconOptions.Default.WithoutEnvironment()).Root).Count;

    private static void Flatten(JsonElement element, string? key, Dictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, key is null ? property.Name : key + ConfigurationPath.KeyDelimiter + property.Name, data);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, key + ConfigurationPath.KeyDelimiter + i++, data);
                }
                break;
            default:
                data[key!] = element.ValueKind == JsonValueKind.Null ? null : element.ToString();
                break;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Supervisor.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Supervisor.sln not found above " + AppContext.BaseDirectory);
    }
}
