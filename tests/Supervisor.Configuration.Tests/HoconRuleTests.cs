using System.Text.Json;
using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>
/// One case per rule of the HOCON digest that the corpus does not pin down: concatenation, substitutions (plain,
/// optional, self-referential, +=), merging through substitutions. Each is text → expected JSON, or text → error.
/// </summary>
public sealed class HoconRuleTests
{
    public static TheoryData<string, string> Results() => new()
    {
        // concatenation
        { "a = foo   bar", """{"a":"foo   bar"}""" },
        { "a = 1 true null 2.50", """{"a":"1 true null 2.50"}""" },
        { "a = 1e5 x", """{"a":"1e5 x"}""" },
        { "a = \"foo\"bar\" baz\"", """{"a":"foobar baz"}""" },
        { "a = \"${x}\"", """{"a":"${x}"}""" },
        { "a = [1,2] [3,4]", """{"a":[1,2,3,4]}""" },
        { "a = [1,2\n3,4] [5]", """{"a":[1,2,3,4,5]}""" },
        { "a = [ [1,2]\n[3,4] ]", """{"a":[[1,2],[3,4]]}""" },
        { "a = [ [1,2] [3,4] ]", """{"a":[[1,2,3,4]]}""" },
        { "a = [1 2 3]", """{"a":["1 2 3"]}""" },
        { "a = {x=1} {y=2}", """{"a":{"x":1,"y":2}}""" },
        { "a = {x=1} {x=2}", """{"a":{"x":2}}""" },
        { "g = {a=1, b=2}\neast = ${g} { b = 3 }", """{"g":{"a":1,"b":2},"east":{"a":1,"b":3}}""" },
        { "n = 42\nn2 = ${n}", """{"n":42,"n2":42}""" },
        { "n = 42\ns = ${n}${n}\nt = ${n} ${n}", """{"n":42,"s":"4242","t":"42 42"}""" },
        { "arr.0 = a\narr.1 = b\nx = [z] ${arr}", """{"arr":{"0":"a","1":"b"},"x":["z","a","b"]}""" },
        { "a = truefoo\nb = 10.0bar", """{"a":"truefoo","b":"10.0bar"}""" },
        // substitutions
        { "a = ${b}\nb = 1", """{"a":1,"b":1}""" },
        { "dup = first\ndup = second\nx = ${dup}", """{"dup":"second","x":"second"}""" },
        { "a { b = 1 }\nx = ${ a.b }", """{"a":{"b":1},"x":1}""" },
        { "x = ${?nope}", "{}" },
        { "x = 1\nx = ${?nope}", """{"x":1}""" },
        { "a = [1, ${?nope}, 2]", """{"a":[1,2]}""" },
        { "a = foo${?nope}bar", """{"a":"foobar"}""" },
        { "a = \"\"${?nope}", """{"a":""}""" },
        { "a = ${?nope} [1]", """{"a":[1]}""" },
        { "a = ${?nope}\nc = ${?a}", "{}" },
        { "a = ${?nope} ${?nope}", """{"a":" "}""" },
        { "foo = ${?foo}", "{}" },
        { "a = ${?a}foo", """{"a":"foo"}""" },
        { "path = \"a:b\"\npath = ${path}\":c\"", """{"path":"a:b:c"}""" },
        { "list = [1]\nlist = ${list} [2]", """{"list":[1,2]}""" },
        { "foo { a { c = 1 } }\nfoo = ${foo.a}\nfoo { a = 2 }", """{"foo":{"a":2,"c":1}}""" },
        { "bar { foo = 42, baz = ${bar.foo} }", """{"bar":{"foo":42,"baz":42}}""" },
        { "bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }", """{"bar":{"foo":43,"baz":43}}""" },
        { "m1.a = ${m2.d}\nm1.b = 1\nm2.c = ${m1.b}\nm2.d = 2", """{"m1":{"a":2,"b":1},"m2":{"c":1,"d":2}}""" },
        { "foo = ${does-not-exist}\nfoo = 42", """{"foo":42}""" },
        { "cyc = ${cyc}\ncyc = 42", """{"cyc":42}""" },
        { "a { x = 1 }\nb = ${a}\na { y = 2 }", """{"a":{"x":1,"y":2},"b":{"x":1,"y":2}}""" },
        { "x { a = 1 }\nx = null\nx { b = 2 }", """{"x":{"b":2}}""" },
        { "a { p = 1 }\na { p = ${a.p}2 }", """{"a":{"p":"12"}}""" },
        { "foo = 1\nbar = ${foo}\nfoo = ${bar}", """{"foo":1,"bar":1}""" },
        { "path = a\nfull = ${path}\"/x\"\npath = ${full}\"/y\"", """{"path":"a/x/y","full":"a/x"}""" },
        // +=
        { "x += 1\nx += 2", """{"x":[1,2]}""" },
        { "x = [0]\nx += 1", """{"x":[0,1]}""" },
        { "x.y += 1", """{"x":{"y":[1]}}""" },
        { "objs += { name = one }", """{"objs":[{"name":"one"}]}""" },
        // merging
        { "a.x = 1, a.y = 2", """{"a":{"x":1,"y":2}}""" },
        { "a { b = 1 }\na.b.c = 2", """{"a":{"b":{"c":2}}}""" },
        { "arr = [1,2]\narr = [3]", """{"arr":[3]}""" },
        { "a = 1\na { b = 2 }", """{"a":{"b":2}}""" },
        { "a { b = 2 }\na = 1", """{"a":1}""" },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void Text_resolves_to_the_expected_tree(string hocon, string json)
    {
        var config = HoconLoader.ParseString(hocon, Corpus.NoEnvironment);

        JsonTree.AssertEqual(JsonDocument.Parse(json).RootElement, config.Root);
    }

    public static TheoryData<string, string> Errors() => new()
    {
        { "a = abc [1]", "cannot concatenate" },
        { "a = {x=1} \"s\"", "cannot concatenate" },
        { "a = [1] {x=1}", "cannot concatenate" },
        { "a = null {x=y}", "cannot concatenate" },
        { "a = [1] foo", "cannot concatenate" },
        { "arr = [1]\nb = ${arr}foo", "cannot concatenate" },
        { "a = [1] \" \" [2]", "cannot concatenate" },
        { "a : { } b : 1", "cannot concatenate an object and a string" },
        { "foo = ${foo}", "could not resolve ${foo}" },
        { "x = ${nope}", "could not resolve ${nope}" },
        { "a { b = ${a} }", "substitution cycle" },
        { "a = [${a}]", "substitution cycle" },
        { "a = ${b}\nb = ${a}", "substitution cycle" },
        { "a = ${b}\nb = ${c}\nc = ${a}", "substitution cycle" },
        { "c = 5\nc += 6", "cannot concatenate" },
        { "x = 5\na = ${x}\na += 1", "cannot concatenate" },
        { "a = ${ ?b }", "reserved character '?'" },
        { "a = ${b", "unterminated substitution" },
        { "a = ${}", "empty substitution" },
        { "a = 1 }", "unbalanced '}'" },
        { "a { b = 1", "end of file before the '}'" },
        { "a = [1, 2", "end of file before the ']'" },
        { "a = \"\\x\"", "not a valid escape" },
        { "a = \"abc", "unterminated quoted string" },
        { "a = \"\"\"abc", "unterminated triple-quoted" },
        { "a = foo$bar", "'$' not followed by '{'" },
        { "a = http://x", "expected ',' or a newline" },
        { "include file (\"x.conf\")", "no space is allowed" },
        { "include foo", "include expects" },
        { "include url(\"http://127.0.0.1/x.conf\")", "url(…) includes are not supported" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Text_fails_with_a_positioned_error(string hocon, string message)
    {
        var error = Assert.Throws<HoconException>(() => HoconLoader.ParseString(hocon, Corpus.NoEnvironment).Resolve());

        Assert.Contains(message, error.Message);
        ConformanceTests.AssertPositioned(error);
    }

    [Fact]
    public void An_undefined_substitution_names_its_line_and_column()
    {
        var error = Assert.Throws<HoconException>(() => HoconLoader.ParseString("a = 1\nb {\n  c = x ${missing.value}\n}", Corpus.NoEnvironment, "app.conf").Resolve());

        Assert.StartsWith("app.conf:3:9: could not resolve ${missing.value}", error.Message);
    }

    [Fact]
    public void The_environment_fills_substitutions_missing_from_the_tree_but_not_ones_set_to_null()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/op", ["EMPTY"] = "", ["a.b"] = "dotted" };
        var options = HoconOptions.Default with { Environment = environment.GetValueOrDefault };

        var config = HoconLoader.ParseString("home = ${HOME}\nempty = ${?EMPTY}\nd = ${a.b}\nblocked { HOME = null }\nHOME2 = ${?HOME}", options);
        var blocked = HoconLoader.ParseString("HOME = null\nx = ${HOME}", options);

        Assert.Equal("/home/op", config.GetString("home"));
        Assert.Equal("", config.GetString("empty"));
        Assert.Equal("dotted", config.GetString("d"));
        Assert.Equal(HoconScalarKind.Null, ((HoconScalar)blocked.GetValue("x")!).Kind);
    }

    [Fact]
    public void Without_the_environment_fallback_an_optional_substitution_stays_undefined()
    {
        var environment = new Dictionary<string, string> { ["SECRET"] = "s3cr3t" };

        var on = HoconLoader.ParseString("secret = none\nsecret = ${?SECRET}", HoconOptions.Default with { Environment = environment.GetValueOrDefault });
        var off = HoconLoader.ParseString("secret = none\nsecret = ${?SECRET}", Corpus.NoEnvironment);

        Assert.Equal("s3cr3t", on.GetString("secret"));
        Assert.Equal("none", off.GetString("secret"));
    }

    [Fact]
    public void Fallback_layers_merge_before_substitutions_resolve()
    {
        var app = HoconLoader.ParseString("timeout = 5s\nname = ${prefix}-app", Corpus.NoEnvironment);
        var reference = HoconLoader.ParseString("prefix = sup\ntimeout = 1s\nderived = ${timeout}\na { x = 1 }", Corpus.NoEnvironment);

        var merged = app.WithFallback(reference);

        Assert.Equal("sup-app", merged.GetString("name"));
        Assert.Equal("5s", merged.GetString("derived"));
        Assert.Equal(1, merged.GetInt("a.x"));
    }

    [Fact]
    public void Layer_merging_follows_the_pairwise_rule()
    {
        var top = HoconLoader.ParseString("a { x = 1 }", Corpus.NoEnvironment);
        var middle = HoconLoader.ParseString("a = 42", Corpus.NoEnvironment);
        var bottom = HoconLoader.ParseString("a { y = 2 }", Corpus.NoEnvironment);

        var merged = top.WithFallback(middle).WithFallback(bottom);

        JsonTree.AssertEqual(JsonDocument.Parse("""{"a":{"x":1}}""").RootElement, merged.Root);
    }
}
