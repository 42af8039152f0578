using System.Text;
using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>Oversized, deeply nested and random input: a positioned error, never a crash or a hang.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Ten_thousand_levels_of_braces_fail_with_a_position_not_a_stack_overflow()
    {
        var text = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 10_000)) + "1" + new string('}', 10_000);

        var error = Assert.Throws<HoconException>(() => HoconLoader.ParseString(text, Corpus.NoEnvironment));

        Assert.StartsWith("string:1:", error.Message);
        Assert.Contains("nested deeper than 512 levels", error.Message);
    }

    [Fact]
    public void Ten_thousand_levels_of_brackets_fail_the_same_way()
    {
        var text = "a = " + new string('[', 10_000) + new string(']', 10_000);

        Assert.Contains("nested deeper", Assert.Throws<HoconException>(() => HoconLoader.ParseString(text, Corpus.NoEnvironment)).Message);
    }

    [Fact]
    public void A_ten_thousand_element_key_path_fails_the_same_way()
    {
        var text = string.Join('.', Enumerable.Repeat("a", 10_000)) + " = 1";

        Assert.Contains("deeper than 512 levels", Assert.Throws<HoconException>(() => HoconLoader.ParseString(text, Corpus.NoEnvironment)).Message);
    }

    [Fact]
    public void A_long_chain_of_substitutions_resolves_or_fails_cleanly()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("a").Append(i).Append(" = ${a").Append(i + 1).Append("}\n");
        }
        text.Append("a10000 = end\n");

        try
        {
            Assert.Equal("end", HoconLoader.ParseString(text.ToString(), Corpus.NoEnvironment).GetString("a0"));
        }
        catch (HoconException error)
        {
            Assert.Contains("nested too deeply", error.Message);
        }
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_before_it_is_read_and_parses_when_allowed()
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(file))
            {
                for (var i = 0; writer.BaseStream.Length < 10 * 1024 * 1024; i++)
                {
                    writer.Write($"key{i} = \"a value of some length for line {i}\"\n");
                    if (i % 1000 == 0)
                    {
                        writer.Flush();
                    }
                }
            }

            var error = Assert.Throws<HoconException>(() => HoconLoader.FromFile(file, Corpus.NoEnvironment));
            Assert.Contains("configuration files are limited to 4,194,304", error.Message);

            var large = HoconLoader.FromFile(file, Corpus.NoEnvironment with { MaxSourceBytes = 16 * 1024 * 1024 });
            Assert.Equal("a value of some length for line 7", large.GetString("key7"));
            Assert.True(large.Root.Count > 200_000);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Random_token_soup_only_ever_raises_HoconException()
    {
        string[] pieces = ["{", "}", "[", "]", ",", ":", "=", "+=", "\"", "\"\"\"", "${", "${?", "a", "b.c", "1", "-", ".", "\n", " ",
            "include ", "\"x\"", "true", "null", "#", "//", "\\", "$", "}}", "1e", "0.5", "\u00A0", "\uFEFF", "\t", "=\n", "a.", ".a"];
        var random = new Random(20261122);
        for (var round = 0; round < 5_000; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            try
            {
                HoconLoader.ParseString(text.ToString(), Corpus.NoEnvironment).Resolve();
            }
            catch (HoconException)
            {
                // A refusal with a message is the expected outcome for most of these.
            }
        }
    }
}
