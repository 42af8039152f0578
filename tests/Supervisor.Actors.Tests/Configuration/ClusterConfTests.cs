using Supervisor.Actors.Configuration;
using Supervisor.Actors.Hosting;
using Supervisor.Configuration;

namespace Supervisor.Actors.Tests.Configuration;

/// <summary>
/// hocon/cluster.conf, the one file every cluster node runs, read as <c>supervisor run --config cluster.conf</c> reads
/// it (its <c>accounts.conf</c> beside it) with an injected environment instead of this process's: the variables its
/// header documents, the defaults of the optional ones, and a clear refusal naming each required one that is missing.
/// </summary>
public sealed class ClusterConfTests : IDisposable
{
    private const string Journal = "Host=postgres;Port=5432;Database=supervisor;Username=supervisor;Password=pw";
    private readonly string _folder = Directory.CreateTempSubdirectory("cluster-conf-").FullName;

    public ClusterConfTests()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "deployment", "cluster.conf"), Path.Combine(_folder, "cluster.conf"));
        File.WriteAllText(Path.Combine(_folder, "accounts.conf"), """
            supervisor.registry = [
              { id = cw0001, venue = coinw, api-key = { env = CW_KEY }, secret = { env = CW_SECRET } }
            ]
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Required() => new()
    {
        ["SUPERVISOR_JOURNAL"] = Journal,
        ["SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME"] = "node2",
        ["SUPERVISOR_CLUSTER_SEED_NODES"] = "akka.tcp://supervisor@node1:4053,akka.tcp://supervisor@node2:4053",
        ["CW_KEY"] = "key",
        ["CW_SECRET"] = "secret",
    };

    private SupervisorConfiguration Read(IReadOnlyDictionary<string, string> environment)
    {
        var options = HoconOptions.Default with { Environment = name => environment.GetValueOrDefault(name) };
        var credentials = new CredentialSource(name => environment.GetValueOrDefault(name), File.ReadAllText);
        return SupervisorConfiguration.Read(HoconLoader.FromFile(Path.Combine(_folder, "cluster.conf"), options), credentials);
    }

    [Fact]
    public void With_the_three_required_variables_a_node_is_a_member_bound_to_every_interface_on_the_shared_postgresql_journal()
    {
        var settings = Read(Required());

        var cluster = settings.Cluster;
        Assert.True(cluster.Enabled);
        Assert.Equal("0.0.0.0", cluster.Hostname);
        Assert.Equal(4053, cluster.Port);
        Assert.Equal("node2", cluster.PublicHostname);
        Assert.Equal("akka.tcp://supervisor@node2:4053", cluster.SelfAddress);
        Assert.Equal(["akka.tcp://supervisor@node1:4053", "akka.tcp://supervisor@node2:4053"], cluster.SeedNodes);
        Assert.Equal(100, cluster.Shards);
        Assert.True(cluster.HostsAccounts);
        Assert.Equal(JournalSettings.PostgreSql(Journal), JournalSettings.FromConfig(settings.Config));
        Assert.Equal(TimeSpan.FromSeconds(10), settings.StatusInterval);
        Assert.Equal("cw0001", Assert.Single(settings.AccountDefinitions).Id);
        // The public endpoints of reference.conf unless the environment names others.
        Assert.Equal(HoconLoader.Default().GetString("supervisor.venues.coinw.url"), settings.Config.GetString("supervisor.venues.coinw.url"));
        // What cluster.conf sets for Akka itself.
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(2, settings.Config.GetInt("akka.cluster.min-nr-of-members"));
    }

    [Fact]
    public void The_optional_variables_set_the_interface_the_port_the_status_interval_and_the_venue_endpoints()
    {
        var environment = Required();
        environment["SUPERVISOR_CLUSTER_HOSTNAME"] = "10.0.0.7";
        environment["SUPERVISOR_CLUSTER_PORT"] = "2552";
        environment["SUPERVISOR_STATUS_INTERVAL"] = "3s";
        environment["SUPERVISOR_COINW_URL"] = "ws://simulator:5080/perpum";
        environment["SUPERVISOR_COINW_REST_URL"] = "http://simulator:5080";
        environment["SUPERVISOR_COINLOCALLY_URL"] = "ws://simulator:5080/position_order/ws";
        environment["SUPERVISOR_COINLOCALLY_REST_URL"] = "http://simulator:5080";

        var settings = Read(environment);

        Assert.Equal("10.0.0.7", settings.Cluster.Hostname);
        Assert.Equal(2552, settings.Cluster.Port);
        Assert.Equal("akka.tcp://supervisor@node2:2552", settings.Cluster.SelfAddress);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.StatusInterval);
        Assert.Equal(new Uri("ws://simulator:5080/perpum"), Assert.Single(settings.AccountDefinitions).Protocol.Endpoint);
        Assert.Equal("http://simulator:5080", settings.Config.GetString("supervisor.venues.coinw.rest-url"));
        Assert.Equal("ws://simulator:5080/position_order/ws", settings.Config.GetString("supervisor.venues.chainup.tenants.coinlocally.url"));
        Assert.Equal("http://simulator:5080", settings.Config.GetString("supervisor.venues.chainup.tenants.coinlocally.rest-url"));
    }

    [Fact]
    public void Blanks_around_a_variable_s_value_are_dropped()
    {
        var environment = Required();
        environment["SUPERVISOR_CLUSTER_SEED_NODES"] = " akka.tcp://supervisor@node1:4053\n";
        environment["SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME"] = "node2\n";

        var cluster = Read(environment).Cluster;

        Assert.Equal(["akka.tcp://supervisor@node1:4053"], cluster.SeedNodes);
        Assert.Equal("node2", cluster.PublicHostname);
    }

    // The reader stops at the first unresolved substitution: a HoconException (not a SupervisorConfigurationException)
    // at the substitution's position in cluster.conf, naming the variable; `run` prints it and exits 2.
    [Theory]
    [InlineData("SUPERVISOR_JOURNAL", 21)]
    [InlineData("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME", 29)]
    [InlineData("SUPERVISOR_CLUSTER_SEED_NODES", 30)]
    public void A_missing_required_variable_is_refused_naming_it_and_where_cluster_conf_needs_it(string variable, int line)
    {
        var environment = Required();
        environment.Remove(variable);

        var error = Assert.Throws<HoconException>(() => Read(environment));

        Assert.Equal(Path.Combine(_folder, "cluster.conf"), error.Origin?.Source);
        Assert.Equal(line, error.Origin?.Line);
        Assert.Equal($"could not resolve ${{{variable}}}: no setting at '{variable}' in the configuration nor in the environment", error.Reason);
    }

    [Fact]
    public void With_every_required_variable_missing_only_the_first_is_named()
    {
        var environment = Required();
        environment.Remove("SUPERVISOR_JOURNAL");
        environment.Remove("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME");
        environment.Remove("SUPERVISOR_CLUSTER_SEED_NODES");

        var error = Assert.Throws<HoconException>(() => Read(environment));

        // Substitutions resolve one at a time and the first failure ends the resolution: an operator who forgot all
        // three learns of them one run at a time.
        Assert.Contains("SUPERVISOR_", error.Message, StringComparison.Ordinal);
        Assert.Single(new[] { "SUPERVISOR_JOURNAL", "SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME", "SUPERVISOR_CLUSTER_SEED_NODES" }, v => error.Message.Contains(v, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SUPERVISOR_CLUSTER_PORT", "x", 28, "'supervisor.cluster.port' should be a whole number, but it is the string \"x\"")]
    [InlineData("SUPERVISOR_CLUSTER_PORT", "99999", 28, "'supervisor.cluster.port' must be between 1 and 65535, was 99999")]
    [InlineData("SUPERVISOR_CLUSTER_SEED_NODES", "node1:4053", 30, "'supervisor.cluster.seed-nodes' 'node1:4053' is not a member address")]
    [InlineData("SUPERVISOR_CLUSTER_SEED_NODES", "", 30, "'supervisor.cluster.seed-nodes' must list at least one member")]
    [InlineData("SUPERVISOR_CLUSTER_SEED_NODES", "akka.tcp://Supervisor@node1:4053", 30, "names the actor system 'Supervisor'; every member's is 'supervisor'")]
    // Set but empty: the public name falls back to the hostname, 0.0.0.0, which nobody can reach.
    [InlineData("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME", "", 29, "'supervisor.cluster.public-hostname' must name this node as the others reach it when hostname is 0.0.0.0")]
    [InlineData("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME", "node\u001b2", 29, "'supervisor.cluster.public-hostname' 'node\\u001B2' is not a host name or IP address")]
    public void A_bad_variable_is_a_problem_at_the_line_of_cluster_conf_that_reads_it(string variable, string value, int line, string expected)
    {
        var environment = Required();
        environment[variable] = value;

        var error = Assert.Throws<SupervisorConfigurationException>(() => Read(environment));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"{Path.Combine(_folder, "cluster.conf")}:{line}:", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
