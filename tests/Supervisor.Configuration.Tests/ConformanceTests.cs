using System.Text.Json;
using System.Text.Json.Nodes;
using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>
/// The conformance corpus (tests/hocon-conformance, see its README): the upstream equivalence folders, the upstream
/// files with the reference implementation's results, and the one-rule spec cases. Resolution has no environment
/// fallback, as upstream's tests run it.
/// </summary>
public sealed class ConformanceTests
{
    // Files whose upstream result depends on things .NET does not have, each with the test below that covers it instead.
    private static readonly Dictionary<string, string> Adapted = new(StringComparer.Ordinal)
    {
        ["file-include.conf"] = nameof(File_include_is_relative_to_the_including_file),
        ["subdir/foo.conf"] = nameof(File_include_is_relative_to_the_including_file),
        ["include-from-list.conf"] = nameof(Include_inside_an_array_element_is_supported),
        ["env-variables.conf"] = nameof(Environment_variables_fill_optional_substitutions),
    };

    public static TheoryData<string, string> EquivalentFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Corpus.Root, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".conf") || f.EndsWith(".json")).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EquivalentFiles))]
    public void Every_file_of_an_equivalence_folder_equals_its_original_json(string folder, string file)
    {
        var original = Corpus.Parse(Path.Combine(folder, "original.json")).Root;
        var parsed = Corpus.Parse(Path.Combine(folder, file)).Root;

        JsonTree.AssertEqual(JsonTree.Of(original), parsed);
    }

    [Fact]
    public void The_equivalence_suite_has_the_15_upstream_comparisons()
    {
        var compared = EquivalentFiles().Count(row => (string)row[1] != "original.json");
        Assert.Equal(15, compared);
    }

    public static TheoryData<string> UpstreamResults()
    {
        var data = new TheoryData<string>();
        var expected = Path.Combine(Corpus.Root, "expected");
        foreach (var file in Directory.GetFiles(expected, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(expected, file)[..^".json".Length];
            if (!file.EndsWith(".with-env-SECRET_A-B-C.json") && !Adapted.ContainsKey(source))
            {
                data.Add(source);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UpstreamResults))]
    public void An_upstream_file_resolves_to_the_reference_result(string source)
    {
        var parsed = Corpus.Parse(source).Root;

        JsonTree.AssertEqual(JsonTree.Read(Corpus.File(Path.Combine("expected", source + ".json"))), parsed);
    }

    public static TheoryData<string> UpstreamErrors()
    {
        var data = new TheoryData<string>();
        var expected = Path.Combine(Corpus.Root, "expected");
        foreach (var file in Directory.GetFiles(expected, "*.error", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(expected, file)[..^".error".Length];
            if (!Adapted.ContainsKey(source))
            {
                data.Add(source);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UpstreamErrors))]
    public void An_upstream_error_file_fails_with_a_positioned_message(string source)
    {
        var error = Assert.Throws<HoconException>(() => Corpus.Parse(source).Resolve());

        AssertPositioned(error);
    }

    public static TheoryData<string> SpecCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Corpus.File("spec-cases"), "*.conf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SpecCases))]
    public void A_spec_case_gives_the_reference_result_or_fails_with_a_position(string name)
    {
        var source = Path.Combine("spec-cases", name + ".conf");
        var expectedJson = Corpus.File(Path.Combine("spec-cases", name + ".expected.json"));
        if (File.Exists(expectedJson))
        {
            JsonTree.AssertEqual(JsonTree.Read(expectedJson), Corpus.Parse(source).Root);
            return;
        }
        Assert.True(File.Exists(Corpus.File(Path.Combine("spec-cases", name + ".expected.error"))), name + " has no expected result");
        var error = Assert.Throws<HoconException>(() => Corpus.Parse(source).Resolve());
        AssertPositioned(error);
        Assert.Contains(name + ".conf:", error.Message);
    }

    [Fact]
    public void File_include_is_relative_to_the_including_file()
    {
        // Upstream resolves file("…") against the working directory; we resolve it against the including file's
        // folder (the spec says this "may change"), so bar-file and baz are found too.
        var parsed = Corpus.Parse("file-include.conf").Root;

        var rest = JsonNode.Parse(JsonTree.Of(parsed).GetRawText())!.AsObject();
        rest.Remove("bar-file");
        rest.Remove("baz");
        JsonTree.AssertEqual(JsonTree.Read(Corpus.File("expected/file-include.conf.json")), JsonDocument.Parse(rest.ToJsonString()).RootElement);
        Assert.Equal("44", ((HoconScalar)parsed["bar-file"]!).Text);
        Assert.Equal("45", ((HoconScalar)parsed["baz"]!).Text);
        var foo = Corpus.Parse("subdir/foo.conf");
        Assert.Equal(44, foo.GetInt("bar-file"));
        Assert.Equal(43, foo.GetInt("bar"));
    }

    [Fact]
    public void Include_inside_an_array_element_is_supported()
    {
        // The reference refuses this on purpose; it is legal HOCON, and the corpus accepts either result. With no path
        // to re-root under, the included file's substitutions resolve within that file.
        var config = Corpus.Parse("include-from-list.conf");

        var element = config.GetConfigList("a").Single();
        Assert.Equal(42, element.GetInt("ints.fortyTwo"));
    }

    [Fact]
    public void Environment_variables_fill_optional_substitutions()
    {
        var none = Corpus.Parse("env-variables.conf").Root;
        var environment = new Dictionary<string, string> { ["SECRET_A"] = "A", ["SECRET_B"] = "B", ["SECRET_C"] = "C" };
        var with = Corpus.Parse("env-variables.conf", Corpus.NoEnvironment with { Environment = environment.GetValueOrDefault }).Root;

        JsonTree.AssertEqual(JsonTree.Read(Corpus.File("expected/env-variables.conf.json")), none);
        JsonTree.AssertEqual(JsonTree.Read(Corpus.File("expected/env-variables.conf.with-env-SECRET_A-B-C.json")), with);
    }

    [Fact]
    public void Classpath_includes_read_from_the_configured_root()
    {
        var options = Corpus.NoEnvironment with { ClasspathRoot = Corpus.File("test-lib") };

        Assert.Equal("This is to test classpath searches.", Corpus.Parse("test07.conf", options).GetString("test-lib.description"));
        Assert.Equal("This is to test classpath searches.", Corpus.Parse("test08.conf", options).GetString("test-lib.description"));
    }

    [Fact]
    public void The_upstream_spot_checks_of_the_old_akka_conf_hold()
    {
        var config = Corpus.Parse("test04.conf");

        Assert.Equal("2.0-SNAPSHOT", config.GetString("akka.version"));
        Assert.Equal(8, config.GetInt("akka.event-handler-dispatcher.max-pool-size"));
        Assert.Equal("round-robin", config.GetString("akka.actor.deployment.\"/app/service-ping\".router"));
        Assert.True(config.GetBoolean("akka.stm.quick-release"));
    }

    [Fact]
    public void The_akka_reference_file_reads_with_its_upstream_values()
    {
        var config = Corpus.Parse("akkadotnet-hocon/reference.conf");

        Assert.Equal("0.0.1 Akka", config.GetString("akka.version"));
        Assert.Equal("Akka.Actor.LocalActorRefProvider", config.GetString("akka.actor.provider"));
        Assert.Equal(512, config.GetInt("akka.io.tcp.direct-buffer-pool.buffer-size"));
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("akka.actor.ask-timeout"));
    }

    internal static void AssertPositioned(HoconException error)
    {
        Assert.NotNull(error.Origin);
        Assert.Matches(@"^[^\n]+:\d+:\d+: ", error.Message);
    }
}
