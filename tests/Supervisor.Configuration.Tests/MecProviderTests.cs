using System.Globalization;
using Microsoft.Extensions.Configuration;
using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>
/// The Microsoft.Extensions.Configuration side: flattening against the corpus' <c>*.mec.tsv</c> files, layering with
/// other providers, binding durations / sizes / switches, and errors.
/// </summary>
public sealed class MecProviderTests
{
    public static TheoryData<string, string> FlattenedFiles()
    {
        var data = new TheoryData<string, string>();
        var expected = Path.Combine(Corpus.Root, "expected");
        foreach (var tsv in Directory.GetFiles(expected, "*.mec.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(expected, tsv)[..^".mec.tsv".Length];
            if (source is not ("file-include.conf" or "subdir/foo.conf"))
            {
                data.Add(source, Path.GetRelativePath(Corpus.Root, tsv));
            }
        }
        foreach (var tsv in Directory.GetFiles(Corpus.File("spec-cases"), "*.expected.mec.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(tsv)[..^".expected.mec.tsv".Length];
            data.Add(Path.Combine("spec-cases", name + ".conf"), Path.GetRelativePath(Corpus.Root, tsv));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FlattenedFiles))]
    public void Flattening_matches_the_json_provider_shape(string source, string tsv)
    {
        var expected = ReadTsv(Corpus.File(tsv));
        var root = Corpus.Parse(source).Root;

        if (HasColonKey(root))
        {
            // A key holding ':' cannot round-trip through MEC (it would read as extra levels), so the provider refuses it.
            Assert.Throws<FormatException>(() => HoconFlattener.Flatten(root));
            return;
        }
        var actual = HoconFlattener.Flatten(root);
        // Empty keys ("" and p."".q) become empty segments (p::q); the reference tool prints those differently, and
        // MEC handles them poorly either way, so they are compared by count only.
        Assert.Equal(expected.Keys.Count(HasEmptySegment), actual.Keys.Count(HasEmptySegment));
        foreach (var key in expected.Keys.Where(HasEmptySegment).ToList())
        {
            expected.Remove(key);
        }
        foreach (var key in actual.Keys.Where(HasEmptySegment).ToList())
        {
            actual.Remove(key);
        }

        Assert.Equal(expected.Keys.Order(StringComparer.OrdinalIgnoreCase), actual.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var (key, value) in expected)
        {
            Assert.True(SameValue(value, actual[key]), $"{key}: expected '{value}', got '{actual[key]}'");
        }
    }

    [Fact]
    public void A_hocon_file_is_layered_under_later_providers_key_by_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Corpus.File("akkadotnet-hocon/reference.conf"))
            .AddInMemoryCollection([new("akka:actor:provider", "Overridden")])
            .Build();

        Assert.Equal("0.0.1 Akka", configuration["akka:version"]);
        Assert.Equal("Overridden", configuration["akka:actor:provider"]);
        Assert.Equal("512", configuration["akka:io:tcp:direct-buffer-pool:buffer-size"]);
    }

    [Fact]
    public void Includes_and_substitutions_work_through_the_provider()
    {
        var configuration = new ConfigurationBuilder().AddHoconFile(Corpus.File("equiv03/includes.conf"), configure: s => s.Options = Corpus.NoEnvironment).Build();
        var expected = Corpus.Parse("equiv03/original.json");

        Assert.Equal(expected.GetString("root"), configuration["root"]);
        Assert.Equal(expected.GetString("letters.a"), configuration["letters:a"]);
        Assert.Equal("abcd", configuration["letters:numbers:2"]);
    }

    [Fact]
    public void A_fallback_config_sits_below_the_file_before_resolution()
    {
        var directory = Directory.CreateTempSubdirectory("hocon-mec-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "app.conf"), "name = ${prefix}-app\nlimits { frames = 2MiB }");
            var defaults = HoconLoader.ParseString("prefix = sup\nlimits { frames = 1MiB, depth = 32 }", Corpus.NoEnvironment);

            var configuration = new ConfigurationBuilder()
                .AddHoconFile(Path.Combine(directory.FullName, "app.conf"), configure: s => s.Fallback = defaults)
                .Build();

            Assert.Equal("sup-app", configuration["name"]);
            Assert.Equal(2 * 1024 * 1024, configuration.GetByteSize("limits:frames"));
            Assert.Equal("32", configuration["limits:depth"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Options_bind_durations_sizes_and_switches()
    {
        HoconTypeConverters.Register();
        var configuration = new ConfigurationBuilder()
            .AddHoconString("limits { timeout = 30s, backoff = \"00:01:00\", frame = 10MiB, enabled = on, names = [a, b] }")
            .Build();

        var limits = configuration.GetSection("limits").Get<LimitsOptions>()!;

        Assert.Equal(TimeSpan.FromSeconds(30), limits.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.Backoff);
        Assert.Equal(10L * 1024 * 1024, limits.Frame.Bytes);
        Assert.True(limits.Enabled);
        Assert.Equal(["a", "b"], limits.Names);
        Assert.Equal(TimeSpan.FromSeconds(30), configuration.GetDuration("limits:timeout"));
    }

    [Fact]
    public void A_bad_file_fails_with_its_position()
    {
        var directory = Directory.CreateTempSubdirectory("hocon-mec-");
        try
        {
            var file = Path.Combine(directory.FullName, "bad.conf");
            File.WriteAllText(file, "a = 1\nb = \"unterminated\n");

            var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().AddHoconFile(file).Build());

            var format = Assert.IsType<FormatException>(error is FormatException ? error : error.InnerException);
            Assert.Contains("bad.conf:2:5: unterminated quoted string", format.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_refused_like_the_json_provider_does()
    {
        var error = Assert.Throws<FormatException>(() => new ConfigurationBuilder().AddHoconString("Foo = 1\nfoo = 2").Build());

        Assert.Contains("duplicate key 'foo'", error.Message);
    }

    [Fact]
    public void A_key_with_a_colon_is_refused_with_its_position()
    {
        var error = Assert.Throws<FormatException>(() => new ConfigurationBuilder().AddHoconString("\"http://x\" = 1").Build());

        Assert.Contains("string:1:", error.Message);
        Assert.Contains("contains ':'", error.Message);
    }

    [Fact]
    public void Empty_objects_arrays_and_nulls_flatten_like_the_json_provider()
    {
        var data = HoconFlattener.Flatten(HoconLoader.ParseString("o {}\na = []\nn = null\nb = true\nnum = 1e3", Corpus.NoEnvironment).Root);

        Assert.Null(data["o"]);
        Assert.Equal("", data["a"]);
        Assert.Null(data["n"]);
        Assert.Equal("true", data["b"]);
        Assert.Equal("1e3", data["num"]);
    }

    private static bool HasEmptySegment(string key) => key.Length == 0 || key.Split(':').Any(segment => segment.Length == 0);

    private static bool HasColonKey(HoconValue value) => value switch
    {
        HoconObject obj => obj.Fields.Any(f => f.Key.Contains(':') || HasColonKey(f.Value)),
        HoconArray array => array.Items.Any(HasColonKey),
        _ => false,
    };

    private static bool SameValue(string? expected, string? actual)
    {
        if (expected == actual)
        {
            return true;
        }
        if (expected is null || actual is null)
        {
            return false;
        }
        return double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && e == a;
    }

    private static Dictionary<string, string?> ReadTsv(string file)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0))
        {
            var tab = line.IndexOf('\t');
            var value = line[(tab + 1)..];
            data[line[..tab]] = value == "<null>" ? null : Unescape(value);
        }
        return data;
    }

    private static string Unescape(string value) =>
        value.Replace("\\\\", "\u0001", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal).Replace("\u0001", "\\", StringComparison.Ordinal);

    private sealed class LimitsOptions
    {
        public TimeSpan Timeout { get; set; }

        public TimeSpan Backoff { get; set; }

        public ByteSize Frame { get; set; }

        public bool Enabled { get; set; }

        public List<string> Names { get; set; } = [];
    }
}
