using Supervisor.Actors.Cluster;
using Supervisor.Actors.Configuration;
using Supervisor.Configuration;

namespace Supervisor.Actors.Tests.Configuration;

/// <summary>
/// <c>supervisor.cluster</c> as <see cref="SupervisorConfiguration.Read"/> reads it (<see cref="ClusterSettings.FromConfig"/>):
/// the reference defaults, the two shapes of the seed list, and every refused value as one problem naming its setting
/// path and, where it was written, its file:line:column.
/// </summary>
public sealed class ClusterSettingsTests
{
    private const string Seeds = "supervisor.cluster.seed-nodes = [\"akka.tcp://supervisor@node1:4053\"]";
    private static readonly CredentialSource NoCredentials = new(_ => null, path => throw new FileNotFoundException(path));

    private static ClusterSettings Read(string hocon) =>
        SupervisorConfiguration.Read(HoconLoader.ParseString(hocon, HoconOptions.Default.WithoutEnvironment(), "app.conf"), NoCredentials).Cluster;

    private static string Problem(string hocon) =>
        Assert.Single(Assert.Throws<SupervisorConfigurationException>(() => Read(hocon)).Problems);

    [Fact]
    public void By_default_the_node_is_no_cluster_member_and_would_listen_on_127_0_0_1_4053_hosting_accounts_in_100_shards()
    {
        var cluster = Read("");

        Assert.False(cluster.Enabled);
        Assert.Equal("127.0.0.1", cluster.Hostname);
        Assert.Equal(4053, cluster.Port);
        Assert.Equal("127.0.0.1", cluster.PublicHostname);
        Assert.Empty(cluster.SeedNodes);
        Assert.Equal([ClusterSettings.AccountsRole], cluster.Roles);
        Assert.True(cluster.HostsAccounts);
        Assert.Equal(100, cluster.Shards);
        Assert.Equal("akka.tcp://supervisor@127.0.0.1:4053", cluster.SelfAddress);
    }

    [Fact]
    public void A_member_names_itself_by_its_public_hostname_and_one_without_roles_hosts_no_accounts()
    {
        var cluster = Read($$"""
            supervisor.cluster { enabled = on, hostname = "0.0.0.0", port = 2552, public-hostname = node3, roles = [] }
            {{Seeds}}
            """);

        Assert.True(cluster.Enabled);
        Assert.Equal("0.0.0.0", cluster.Hostname);
        Assert.Equal("node3", cluster.PublicHostname);
        Assert.Equal("akka.tcp://supervisor@node3:2552", cluster.SelfAddress);
        Assert.Empty(cluster.Roles);
        Assert.False(cluster.HostsAccounts);
    }

    [Theory]
    [InlineData("""[ "akka.tcp://supervisor@node1:4053", "akka.tcp://supervisor@10.0.0.2:4054" ]""")]
    // What an environment variable gives: one string; blanks around the items and empty items are dropped.
    [InlineData("\"akka.tcp://supervisor@node1:4053,akka.tcp://supervisor@10.0.0.2:4054\"")]
    [InlineData("\" akka.tcp://supervisor@node1:4053 ,, akka.tcp://supervisor@10.0.0.2:4054 , \"")]
    public void Seed_nodes_are_a_list_or_one_comma_separated_string_read_as_member_addresses(string seeds)
    {
        var cluster = Read($"supervisor.cluster {{ enabled = on, public-hostname = node1, seed-nodes = {seeds} }}");

        Assert.Equal(["akka.tcp://supervisor@node1:4053", "akka.tcp://supervisor@10.0.0.2:4054"], cluster.SeedNodes);
    }

    [Fact]
    public void Seed_nodes_are_written_as_Akka_writes_addresses_so_they_compare_with_the_members_own()
    {
        var cluster = Read("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1:4053/,akka.tcp://supervisor@node2:4053\"");

        Assert.Equal([Akka.Actor.Address.Parse("akka.tcp://supervisor@node1:4053").ToString(), "akka.tcp://supervisor@node2:4053"], cluster.SeedNodes);
        Assert.Equal("akka.tcp://supervisor@node1:4053", cluster.SeedNodes[0]);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void An_empty_public_hostname_is_the_hostname(string publicHostname)
    {
        var cluster = Read($"supervisor.cluster {{ hostname = \"10.1.2.3\", public-hostname = {publicHostname} }}");

        Assert.Equal("10.1.2.3", cluster.PublicHostname);
        Assert.Equal("akka.tcp://supervisor@10.1.2.3:4053", cluster.SelfAddress);
    }

    [Theory]
    [InlineData("supervisor.cluster.port = 0", "app.conf:1:27: 'supervisor.cluster.port' must be between 1 and 65535, was 0")]
    [InlineData("supervisor.cluster.port = 70000", "app.conf:1:27: 'supervisor.cluster.port' must be between 1 and 65535, was 70000")]
    [InlineData("supervisor.cluster.port = -1", "app.conf:1:27: 'supervisor.cluster.port' must be between 1 and 65535, was -1")]
    [InlineData("supervisor.cluster.port = x", "app.conf:1:27: 'supervisor.cluster.port' should be a whole number, but it is the string \"x\"")]
    [InlineData("supervisor.cluster.port = 4053.5", "app.conf:1:27: 'supervisor.cluster.port' should be a whole number")]
    // Beyond an int: the reader's GetInt would throw a bare OverflowException ("Arithmetic operation resulted in an overflow.").
    [InlineData("supervisor.cluster.port = 3000000000", "app.conf:1:27: 'supervisor.cluster.port' must be between 1 and 65535, was 3000000000")]
    [InlineData("supervisor.cluster.hostname = \" \"", "app.conf:1:31: 'supervisor.cluster.hostname' must name an interface")]
    [InlineData("supervisor.cluster.roles = [accounts, web]", "app.conf:1:28: 'supervisor.cluster.roles' 'web' is not a known role (known: accounts)")]
    [InlineData("supervisor.cluster.roles = [Accounts]", "app.conf:1:28: 'supervisor.cluster.roles' 'Accounts' is not a known role")]
    [InlineData("supervisor.cluster.roles = accounts", "'supervisor.cluster.roles' should be an array")]
    [InlineData("supervisor.cluster.shards = 0", "app.conf:1:29: 'supervisor.cluster.shards' must be between 1 and 10000, was 0")]
    [InlineData("supervisor.cluster.shards = 20000", "app.conf:1:29: 'supervisor.cluster.shards' must be between 1 and 10000, was 20000")]
    [InlineData("supervisor.cluster.shards = 99999999999", "app.conf:1:29: 'supervisor.cluster.shards' must be between 1 and 10000, was 99999999999")]
    [InlineData("supervisor.cluster.enabled = maybe", "app.conf:1:30: 'supervisor.cluster.enabled' should be a boolean")]
    [InlineData("supervisor.cluster.seed-nodes = [\"node1:4053\"]", "app.conf:1:33: 'supervisor.cluster.seed-nodes' 'node1:4053' is not a member address (akka.tcp://supervisor@HOST:PORT)")]
    [InlineData("supervisor.cluster.seed-nodes = \"http://x\"", "app.conf:1:33: 'supervisor.cluster.seed-nodes' 'http://x' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1\"", "'akka.tcp://supervisor@node1' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1:0\"", "'akka.tcp://supervisor@node1:0' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1:65536\"", "'akka.tcp://supervisor@node1:65536' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka://supervisor@node1:4053\"", "'akka://supervisor@node1:4053' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1:4053/user/accounts\"", "'akka.tcp://supervisor@node1:4053/user/accounts' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node1:4053?x=1\"", "'akka.tcp://supervisor@node1:4053?x=1' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@me@node1:4053\"", "'akka.tcp://supervisor@me@node1:4053' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@node_1:4053\"", "'akka.tcp://supervisor@node_1:4053' is not a member address")]
    [InlineData("supervisor.cluster.seed-nodes = [\"akka.tcp://other@h:1\"]",
        "app.conf:1:33: 'supervisor.cluster.seed-nodes' 'akka.tcp://other@h:1' names the actor system 'other'; every member's is 'supervisor'")]
    [InlineData("supervisor.cluster.seed-nodes = [{ host = h }]", "'supervisor.cluster.seed-nodes' should be a string, but it is an object")]
    public void A_bad_value_is_one_problem_naming_its_setting_and_where_it_was_written(string hocon, string expected)
    {
        var problem = Problem(hocon);

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_IPv6_seed_is_a_member_address()
    {
        Assert.Equal(["akka.tcp://supervisor@[::1]:4053"], Read("supervisor.cluster.seed-nodes = \"akka.tcp://supervisor@[::1]:4053\"").SeedNodes);
    }

    [Fact]
    public void A_member_without_seed_nodes_is_refused_where_the_empty_list_was_written()
    {
        Assert.StartsWith("app.conf:1:49: 'supervisor.cluster.seed-nodes' must list at least one member",
            Problem("supervisor.cluster { enabled = on, seed-nodes = \" , \" }"), StringComparison.Ordinal);
        // Not written by the operator: the position is the default's, in reference.conf.
        var problem = Problem("supervisor.cluster.enabled = on");
        Assert.Matches(@"^reference\.conf:\d+:\d+: 'supervisor\.cluster\.seed-nodes' must list at least one member", problem);
        // Off, an empty list is the default and fine.
        Assert.Empty(Read("supervisor.cluster.enabled = off").SeedNodes);
    }

    [Theory]
    [InlineData("hostname = \"0.0.0.0\"", "0.0.0.0")]
    [InlineData("hostname = \"0.0.0.0\", public-hostname = \"0.0.0.0\"", "0.0.0.0")]
    [InlineData("hostname = \"::\"", "::")]
    [InlineData("hostname = \"10.0.0.1\", public-hostname = \"::\"", "10.0.0.1")]
    public void A_member_bound_to_every_interface_must_say_how_the_others_reach_it(string settings, string hostname)
    {
        var problem = Problem($"supervisor.cluster {{ enabled = on, {settings} }}\n{Seeds}");

        Assert.Contains($"'supervisor.cluster.public-hostname' must name this node as the others reach it when hostname is {hostname}", problem, StringComparison.Ordinal);
        // Not a member: nobody needs to reach it.
        Assert.False(Read($"supervisor.cluster {{ enabled = off, {settings} }}").Enabled);
        Assert.Equal("node7", Read($"supervisor.cluster {{ enabled = on, {settings}, public-hostname = node7 }}\n{Seeds}").PublicHostname);
    }

    [Fact]
    public void Cluster_problems_are_reported_with_the_other_problems_of_the_file()
    {
        var error = Assert.Throws<SupervisorConfigurationException>(() => Read("""
            supervisor.accounts.snapshot-every = 0
            supervisor.cluster.port = 0
            """));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("app.conf:1:", StringComparison.Ordinal) && p.Contains("snapshot-every"));
        Assert.Contains(error.Problems, p => p.StartsWith("app.conf:2:", StringComparison.Ordinal) && p.Contains("'supervisor.cluster.port'"));
    }

    [Fact]
    public void A_100_kB_seed_string_is_refused_quickly_and_the_problem_does_not_repeat_it()
    {
        var hostile = string.Concat(Enumerable.Repeat("akka.tcp://supervisor@" + new string('n', 60) + ":4053x", 100_000 / 80)) + new string('z', 2000);
        Assert.True(hostile.Length >= 100_000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var problem = Problem($"supervisor.cluster.seed-nodes = \"{hostile}\"");

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.StartsWith("app.conf:1:33: 'supervisor.cluster.seed-nodes' '", problem, StringComparison.Ordinal);
        Assert.Contains("is not a member address", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 500, $"the problem is {problem.Length} characters long");
    }

    [Fact]
    public void A_100_kB_list_of_valid_seeds_is_read()
    {
        var seeds = Enumerable.Range(0, 3000).Select(i => $"akka.tcp://supervisor@node{i}:4053").ToList();
        Assert.True(string.Join(",", seeds).Length >= 100_000);

        var cluster = Read($"supervisor.cluster.seed-nodes = \"{string.Join(",", seeds)}\"");

        Assert.Equal(seeds, cluster.SeedNodes);
    }

    [Theory]
    [InlineData("akka.tcp://supervisor@no\\nde1:4053")]
    [InlineData("akka.tcp://supervisor@node1\\n:4053")]
    [InlineData("akka.tcp://supervisor@node1:4053\\u0000")]
    [InlineData("akka.tcp://supervisor@node1:4053\\u001b[2J")]
    [InlineData("akka.tcp://supervisor@no\\u0007de1:4053")]
    [InlineData("akka.tcp://super\\u0000visor@node1:4053")]
    [InlineData("akka.tcp://supervisor@node\\u200B1:4053")]
    public void A_seed_with_control_characters_is_refused_and_the_problem_shows_them_escaped(string seed)
    {
        var problem = Problem($"supervisor.cluster.seed-nodes = [\"{seed}\"]");

        Assert.StartsWith("app.conf:1:33: 'supervisor.cluster.seed-nodes' ", problem, StringComparison.Ordinal);
        // One line on the console, no terminal escape, no NUL: the text the operator wrote, escaped.
        Assert.DoesNotContain(problem, char.IsControl);
        Assert.DoesNotContain('\u200B', problem);
    }

    [Theory]
    [InlineData("hostname", "no\\nde1")]
    [InlineData("public-hostname", "node1\\u001b[2J")]
    [InlineData("public-hostname", "node1:4053")]
    [InlineData("public-hostname", "node 1")]
    [InlineData("roles", "[\"accounts\\n\"]")]
    public void A_host_name_or_role_with_control_characters_is_refused_and_shown_escaped(string key, string value)
    {
        var written = value.StartsWith('[') ? value : $"\"{value}\"";

        var problem = Problem($"supervisor.cluster.{key} = {written}");

        Assert.StartsWith($"app.conf:1:", problem, StringComparison.Ordinal);
        Assert.Contains($"'supervisor.cluster.{key}' '", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(problem, char.IsControl);
    }
}
