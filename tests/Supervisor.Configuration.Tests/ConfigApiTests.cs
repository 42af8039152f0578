using Supervisor.Configuration;

namespace Supervisor.Configuration.Tests;

/// <summary>The Akka-shaped getters.</summary>
public sealed class ConfigApiTests
{
    private static readonly HoconConfig Sample = HoconLoader.ParseString("""
        a {
          int = 42
          long = 9223372036854775807
          double = 2.5
          money = 0.1000000000000000000001
          text = hello
          number-text = "17"
          yes = yes
          on = on
          list = [x, 2, true]
          numbered { "0" = first, "1" = second }
          nothing = null
          objects = [{ id = 1 }, { id = 2 }]
        }
        "quoted.key" { inner = 1 }
        """, Corpus.NoEnvironment);

    [Fact]
    public void Typed_getters_read_numbers_strings_and_switches()
    {
        Assert.Equal(42, Sample.GetInt("a.int"));
        Assert.Equal(long.MaxValue, Sample.GetLong("a.long"));
        Assert.Equal(2.5, Sample.GetDouble("a.double"));
        Assert.Equal(0.1000000000000000000001m, Sample.GetDecimal("a.money"));
        Assert.Equal("hello", Sample.GetString("a.text"));
        Assert.Equal(17, Sample.GetInt("a.number-text"));
        Assert.Equal("42", Sample.GetString("a.int"));
        Assert.True(Sample.GetBoolean("a.yes"));
        Assert.True(Sample.GetBoolean("a.on"));
        Assert.Equal(["x", "2", "true"], Sample.GetStringList("a.list"));
        Assert.Equal(["first", "second"], Sample.GetStringList("a.numbered"));
        Assert.Equal([1, 2], Sample.GetConfigList("a.objects").Select(c => c.GetInt("id")));
        Assert.Equal(1, Sample.GetInt("\"quoted.key\".inner"));
    }

    [Fact]
    public void Missing_and_null_settings_take_the_default_or_fail_by_name()
    {
        Assert.Equal(7, Sample.GetInt("a.absent", 7));
        Assert.Equal(7, Sample.GetInt("a.nothing", 7));
        Assert.False(Sample.HasPath("a.nothing"));
        Assert.False(Sample.HasPath("a.absent"));
        Assert.True(Sample.HasPath("a.int"));
        Assert.Equal("no setting at 'a.absent'", Assert.Throws<HoconException>(() => Sample.GetInt("a.absent")).Message);
        Assert.Contains("'a.nothing' is null", Assert.Throws<HoconException>(() => Sample.GetString("a.nothing")).Message);
    }

    [Fact]
    public void Wrong_types_fail_with_the_value_s_position()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetInt("a.text"));

        Assert.Equal("string:6:10: 'a.text' should be a whole number, but it is the string \"hello\"", error.Message);
        Assert.Contains("should be a boolean", Assert.Throws<HoconException>(() => Sample.GetBoolean("a.int")).Message);
        Assert.Contains("should be a string", Assert.Throws<HoconException>(() => Sample.GetString("a.list")).Message);
        Assert.Throws<OverflowException>(() => Sample.GetInt("a.long"));
    }

    [Fact]
    public void GetConfig_gives_a_sub_tree_and_an_empty_config_when_absent()
    {
        var a = Sample.GetConfig("a");

        Assert.Equal(42, a.GetInt("int"));
        Assert.True(Sample.GetConfig("absent").IsEmpty);
    }

    [Fact]
    public void ToString_renders_hocon_that_parses_back_to_the_same_tree()
    {
        var again = HoconLoader.ParseString(Sample.ToString(), Corpus.NoEnvironment);

        JsonTree.AssertEqual(JsonTree.Of(Sample.Root), again.Root);
    }

    [Fact]
    public void The_embedded_reference_config_resolves_and_holds_the_akka_and_product_defaults()
    {
        var reference = HoconLoader.Default();

        Assert.Equal(1000, reference.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal(TimeSpan.FromSeconds(30), reference.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(10, reference.GetInt("akka.log-dead-letters"));
        Assert.Equal("sqlite", reference.GetString("supervisor.persistence.engine"));
        Assert.Equal(1024 * 1024, reference.GetByteSize("supervisor.venues.decoder.max-frame-bytes"));
    }
}
