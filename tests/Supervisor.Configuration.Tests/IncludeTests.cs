using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>Includes (digest 1.13) on files written to a temp folder.</summary>
public sealed class IncludeTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hocon-include-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_name_without_extension_merges_properties_then_json_then_conf()
    {
        Write("a.properties", "x=prop\nonlyProp=1\n");
        Write("a.json", """{ "x": "json", "onlyJson": 2 }""");
        Write("a.conf", "x = conf");
        Write("main.conf", "include \"a\"");

        var config = Parse("main.conf");

        Assert.Equal("conf", config.GetString("x"));
        Assert.Equal("1", config.GetString("onlyProp"));
        Assert.Equal(2, config.GetInt("onlyJson"));
    }

    [Fact]
    public void Substitutions_of_an_included_file_look_under_the_include_point_first()
    {
        Write("foo.conf", "y = ${x}\nz = ${top}");
        Write("main.conf", "top = 1\na { include \"foo.conf\" }\na { x = 42 }");

        var config = Parse("main.conf");

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal(1, config.GetInt("a.z"));
    }

    [Fact]
    public void An_include_overrides_what_came_before_and_is_overridden_by_what_follows()
    {
        Write("inc.conf", "x = 10\ny = 10");
        Write("main.conf", "x = 1\ninclude \"inc.conf\"\ny = 2");

        var config = Parse("main.conf");

        Assert.Equal(10, config.GetInt("x"));
        Assert.Equal(2, config.GetInt("y"));
    }

    [Fact]
    public void Nested_includes_are_relative_to_their_own_file()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "sub", "deeper"));
        Write("sub/first.conf", "include \"deeper/second.conf\"");
        Write("sub/deeper/second.conf", "found = yes");
        Write("main.conf", "include \"sub/first.conf\"");

        Assert.True(Parse("main.conf").GetBoolean("found"));
    }

    [Fact]
    public void A_missing_include_is_ignored_unless_required()
    {
        Write("main.conf", "include \"nowhere.conf\"\na = 1");
        Write("strict.conf", "a = 1\ninclude required(\"nowhere.conf\")");

        Assert.Equal(1, Parse("main.conf").GetInt("a"));
        var error = Assert.Throws<HoconException>(() => Parse("strict.conf"));
        Assert.Contains("strict.conf:2:", error.Message);
        Assert.Contains("required include \"nowhere.conf\" not found", error.Message);
    }

    [Fact]
    public void Required_file_includes_accept_whitespace_inside_the_parentheses()
    {
        Write("inc.conf", "v = 1");
        Write("main.conf", "include required( file( \"inc.conf\" ) )");

        Assert.Equal(1, Parse("main.conf").GetInt("v"));
    }

    [Fact]
    public void An_include_loop_fails_naming_the_chain()
    {
        Write("a.conf", "include \"b.conf\"");
        Write("b.conf", "include \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => Parse("a.conf"));

        Assert.Contains("include loop", error.Message);
        Assert.Contains("b.conf:1:", error.Message);
    }

    [Fact]
    public void Includes_nested_beyond_the_limit_fail()
    {
        for (var i = 0; i < 60; i++)
        {
            Write($"f{i}.conf", $"include \"f{i + 1}.conf\"\nv{i} = {i}");
        }

        var error = Assert.Throws<HoconException>(() => Parse("f0.conf"));

        Assert.Contains("includes nested deeper than 50 levels", error.Message);
    }

    [Fact]
    public void An_included_file_with_an_array_root_is_refused()
    {
        Write("list.conf", "[1, 2]");
        Write("main.conf", "include \"list.conf\"");

        var error = Assert.Throws<HoconException>(() => Parse("main.conf"));

        Assert.Contains("list.conf:1:1: the root of a configuration must be an object", error.Message);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory.FullName, name), text);

    private HoconConfig Parse(string name) => HoconLoader.FromFile(Path.Combine(_directory.FullName, name), Corpus.NoEnvironment).Resolve();
}
