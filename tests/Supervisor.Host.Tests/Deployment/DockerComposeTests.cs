using System.Text.RegularExpressions;
using Npgsql;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Configuration;
using Supervisor.Actors.Hosting;
using Supervisor.Configuration;
using Supervisor.Host.Http;
using Supervisor.Simulator;

namespace Supervisor.Host.Tests.Deployment;

/// <summary>
/// docker-compose.yml's structure, and above all the configuration each supervisor node gets from it: hocon/cluster.conf
/// read by the product's own loader with the node's compose environment (instead of this process's) and a registry as
/// the simulator writes it beside cluster.conf, then through <see cref="SupervisorConfiguration.Read"/>. No Docker here:
/// this is what can be checked without running the file.
/// </summary>
public sealed partial class DockerComposeTests : IDisposable
{
    private const string Password = "pw-from-the-operators-env";
    private const string HttpToken = "http-token-from-the-operators-env";
    private static readonly string[] Nodes = ["node1", "node2", "node3"];
    private static readonly Dictionary<string, string> OperatorEnvironment = new() { ["POSTGRES_PASSWORD"] = Password, ["SUPERVISOR_HTTP_TOKEN"] = HttpToken };

    private readonly Dictionary<string, object?> _compose = ComposeFile.Load();
    private readonly string _folder = Directory.CreateTempSubdirectory("compose-node-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, object?> Service(string name) => ComposeFile.Service(_compose, name);

    private Dictionary<string, string> Environment(string service) => ComposeFile.EnvironmentOf(Service(service), OperatorEnvironment);

    private List<string> SimulatorCommand => ComposeFile.Words(Service("simulator")["command"]);

    private string RegistryFile => SimulatorCommand[SimulatorCommand.IndexOf("--registry-file") + 1];

    [Fact]
    public void It_has_postgres_the_simulator_and_three_nodes()
    {
        Assert.Equal(["node1", "node2", "node3", "postgres", "simulator"], ComposeFile.Services(_compose).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("postgres:15", Service("postgres")["image"]);
    }

    [Fact]
    public void The_nodes_and_the_simulator_run_one_image_built_here_and_the_nodes_run_cluster_conf()
    {
        var image = Service("node1")["image"];
        Assert.NotNull(image);
        foreach (var service in Nodes.Append("simulator"))
        {
            Assert.Equal(image, Service(service)["image"]);
            Assert.Equal(".", Service(service)["build"]);
        }
        foreach (var node in Nodes)
        {
            Assert.Equal(["run", "--config", "/etc/supervisor/cluster.conf"], ComposeFile.Words(Service(node)["command"]));
            Assert.False(Service(node).ContainsKey("entrypoint"), "a node runs the image's entrypoint, the supervisor");
        }
        Assert.Equal(["dotnet", "/app/simulator/Supervisor.Simulator.dll"], ComposeFile.Words(Service("simulator")["entrypoint"]));
    }

    [Fact]
    public void Each_node_is_reached_by_its_service_name_and_the_seeds_are_node_services_on_the_nodes_port()
    {
        foreach (var node in Nodes)
        {
            var environment = Environment(node);
            Assert.Equal(node, environment["SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME"]);
            Assert.Equal("0.0.0.0", environment["SUPERVISOR_CLUSTER_HOSTNAME"]);
            Assert.Equal("akka.tcp://supervisor@node1:4053,akka.tcp://supervisor@node2:4053", environment["SUPERVISOR_CLUSTER_SEED_NODES"]);
            foreach (var seed in environment["SUPERVISOR_CLUSTER_SEED_NODES"].Split(','))
            {
                var address = SeedAddress().Match(seed);
                Assert.True(address.Success, seed);
                Assert.Contains(address.Groups["host"].Value, Nodes);
                Assert.Equal(environment.GetValueOrDefault("SUPERVISOR_CLUSTER_PORT", "4053"), address.Groups["port"].Value);
                Assert.Equal(environment.GetValueOrDefault("SUPERVISOR_CLUSTER_PORT", "4053"), Environment(address.Groups["host"].Value).GetValueOrDefault("SUPERVISOR_CLUSTER_PORT", "4053"));
            }
        }
    }

    [Fact]
    public void The_nodes_wait_for_a_healthy_database_and_simulator_and_have_a_minute_to_hand_off()
    {
        foreach (var node in Nodes)
        {
            var dependsOn = ComposeFile.Map(Service(node)["depends_on"], "depends_on");
            Assert.Equal(["postgres", "simulator"], dependsOn.Keys.Order(StringComparer.Ordinal));
            foreach (var dependency in dependsOn.Values)
            {
                Assert.Equal("service_healthy", ComposeFile.Map(dependency, "dependency")["condition"]);
            }
            Assert.True(ComposeFile.Duration(ComposeFile.Scalar(Service(node)["stop_grace_period"], "stop_grace_period")) >= TimeSpan.FromSeconds(60));
        }

        var postgres = ComposeFile.Words(ComposeFile.Map(Service("postgres")["healthcheck"], "healthcheck")["test"]);
        Assert.Contains(postgres, w => w.Contains("pg_isready", StringComparison.Ordinal));
        var simulator = string.Join(' ', ComposeFile.Words(ComposeFile.Map(Service("simulator")["healthcheck"], "healthcheck")["test"]));
        Assert.Contains($"test -s {RegistryFile}", simulator);
        Assert.Contains("/dev/tcp/127.0.0.1/5080", simulator);
    }

    [Fact]
    public void No_password_or_secret_is_written_in_the_file_only_interpolated_from_the_operators_environment()
    {
        var looksSecret = SecretName();
        var secrets = ComposeFile.Scalars(_compose).Where(s => looksSecret.IsMatch(s.Path.Split('.')[^1]) || s.Value.Contains("Password=", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(secrets);
        foreach (var (path, value) in secrets)
        {
            var secretPart = value.Contains("Password=", StringComparison.OrdinalIgnoreCase) ? value[(value.IndexOf("Password=", StringComparison.OrdinalIgnoreCase) + "Password=".Length)..].Split(';')[0] : value;
            Assert.True(RequiredVariable().IsMatch(secretPart), $"{path}: '{secretPart}' is not a ${{VAR:?message}} interpolation (no literal, no default)");
        }
        // Without the variable, compose refuses to start, with a message saying what to set.
        var missing = Assert.Throws<InvalidOperationException>(() => ComposeFile.EnvironmentOf(Service("postgres"), new Dictionary<string, string>()));
        Assert.Contains("set POSTGRES_PASSWORD", missing.Message);
        var noToken = Assert.Throws<InvalidOperationException>(() => ComposeFile.EnvironmentOf(Service("node1"), new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = Password }));
        Assert.Contains("set SUPERVISOR_HTTP_TOKEN", noToken.Message);
        Assert.DoesNotContain(Password, ComposeFile.Text);
        Assert.DoesNotContain(HttpToken, ComposeFile.Text);
    }

    [Fact]
    public void The_simulator_listens_on_every_interface_and_writes_the_registry_to_a_volume_the_nodes_see_beside_cluster_conf()
    {
        var command = SimulatorCommand;
        Assert.True(int.Parse(command[0], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("http://0.0.0.0:5080", command[1]);

        var registryFolder = Path.GetDirectoryName(RegistryFile)!;
        var simulatorVolume = Volumes("simulator").Single(v => v.Target == registryFolder);
        Assert.False(simulatorVolume.ReadOnly);
        foreach (var node in Nodes)
        {
            var nodeVolume = Volumes(node).Single(v => v.Target == registryFolder);
            Assert.Equal(simulatorVolume.Source, nodeVolume.Source);
            Assert.True(nodeVolume.ReadOnly, "the nodes only read the registry");
        }
        Assert.Contains(simulatorVolume.Source, ComposeFile.Map(_compose["volumes"], "volumes").Keys);

        // cluster.conf includes accounts.conf beside itself; the image links that name to the file the simulator writes.
        var include = Regex.Match(File.ReadAllText(ComposeFile.PathOf("cluster.conf")), "^include \"([^\"]+)\"", RegexOptions.Multiline).Groups[1].Value;
        var link = DockerfileTests.SymbolicLink();
        Assert.Equal(Path.Combine("/etc/supervisor", include), link.Path);
        Assert.Equal(RegistryFile, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.Path)!, link.Target)));
    }

    [Theory]
    [InlineData("node1")]
    [InlineData("node2")]
    [InlineData("node3")]
    public void Each_node_reads_from_cluster_conf_and_its_compose_environment_a_clustered_postgresql_configuration_against_the_simulator(string node)
    {
        var environment = Environment(node);
        var settings = ReadNodeConfiguration(environment);

        var cluster = settings.Cluster;
        Assert.True(cluster.Enabled);
        Assert.Equal("0.0.0.0", cluster.Hostname);
        Assert.Equal(4053, cluster.Port);
        Assert.Equal(node, cluster.PublicHostname);
        Assert.Equal(["akka.tcp://supervisor@node1:4053", "akka.tcp://supervisor@node2:4053"], cluster.SeedNodes);
        Assert.True(cluster.HostsAccounts);
        Assert.Equal($"akka.tcp://supervisor@{node}:4053", cluster.SelfAddress);

        var journal = JournalSettings.FromConfig(settings.Config);
        Assert.Equal(JournalEngine.PostgreSql, journal.Engine);
        var connection = new NpgsqlConnectionStringBuilder(journal.ConnectionString);
        var postgres = ComposeFile.EnvironmentOf(Service("postgres"), OperatorEnvironment);
        Assert.Equal("postgres", connection.Host);
        Assert.Contains(connection.Host!, Services());
        Assert.Equal(5432, connection.Port);
        Assert.Equal(postgres["POSTGRES_DB"], connection.Database);
        Assert.Equal(postgres["POSTGRES_USER"], connection.Username);
        Assert.Equal(Password, connection.Password);
        Assert.Equal(postgres["POSTGRES_PASSWORD"], connection.Password);

        // Every generated account of the simulator, each against the simulator's service on its port.
        var count = int.Parse(SimulatorCommand[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SimulatorOptions.GenerateAccounts(count).Select(a => (a.Venue, a.Id)), settings.AccountDefinitions.Select(d => (d.Venue, d.Id)));
        Assert.All(settings.AccountDefinitions, d => Assert.NotNull(d.Snapshots));
        Assert.Equal(new Uri("ws://simulator:5080/perpum"), settings.AccountDefinitions.First(d => d.Venue == "coinw").Protocol.Endpoint);
        Assert.Equal(new Uri("ws://simulator:5080/position_order/ws"), settings.AccountDefinitions.First(d => d.Venue == "coinlocally").Protocol.Endpoint);
        Assert.Equal("http://simulator:5080", settings.Config.GetString("supervisor.venues.coinw.rest-url"));
        Assert.Equal("http://simulator:5080", settings.Config.GetString("supervisor.venues.chainup.tenants.coinlocally.rest-url"));
        Assert.Equal([new Uri("ws://simulator:5080/perpum")], settings.MarketData.Select(m => m.Endpoint));
    }

    [Fact]
    public void Each_node_serves_its_api_on_8080_in_its_container_published_on_its_own_loopback_port_with_the_operators_token()
    {
        var published = new List<string>();
        foreach (var node in Nodes)
        {
            var environment = Environment(node);
            var settings = ReadNodeConfiguration(environment);
            var http = HttpSettings.FromConfig(settings.Config, new CredentialSource(name => environment.GetValueOrDefault(name), File.ReadAllText));

            Assert.True(http.Enabled);
            Assert.Equal("http://0.0.0.0:8080", http.Url);
            Assert.Equal(HttpToken, http.Token);
            Assert.Null(http.RequireToken());
            var ports = ComposeFile.Words(Service(node)["ports"]);
            var mapping = Assert.Single(ports).Split(':');
            Assert.Equal(["127.0.0.1", mapping[1], "8080"], mapping);
            published.Add(mapping[1]);
        }
        Assert.Equal(Nodes.Length, published.Distinct().Count());
    }

    [Fact]
    public async Task The_venue_urls_name_the_simulator_service_on_the_port_it_listens_on_and_its_socket_paths()
    {
        var environment = Environment("node1");
        var port = new Uri(SimulatorCommand[1]).Port;
        // The paths of the simulator itself (not copied from its documentation).
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = [], TickInterval = null });
        Assert.Equal($"ws://simulator:{port}{simulator.CoinWUri.AbsolutePath}", environment["SUPERVISOR_COINW_URL"]);
        Assert.Equal($"ws://simulator:{port}{simulator.ChainUpUri.AbsolutePath}", environment["SUPERVISOR_COINLOCALLY_URL"]);
        Assert.Equal($"http://simulator:{port}", environment["SUPERVISOR_COINW_REST_URL"]);
        Assert.Equal($"http://simulator:{port}", environment["SUPERVISOR_COINLOCALLY_REST_URL"]);
        foreach (var node in Nodes)
        {
            Assert.Equal(environment.Where(e => e.Key.EndsWith("_URL", StringComparison.Ordinal)), Environment(node).Where(e => e.Key.EndsWith("_URL", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_node_without_its_public_hostname_is_refused_so_the_test_reads_the_compose_environment_not_the_process_one()
    {
        var environment = Environment("node1");
        environment.Remove("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME");
        var problem = Assert.ThrowsAny<Exception>(() => ReadNodeConfiguration(environment));
        Assert.Contains("SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME", problem.Message);
    }

    // What `supervisor run --config /etc/supervisor/cluster.conf` reads in the node's container: cluster.conf, the
    // registry the simulator wrote beside it, and nothing of this test process's environment.
    private SupervisorConfiguration ReadNodeConfiguration(IReadOnlyDictionary<string, string> environment)
    {
        var clusterConf = Path.Combine(_folder, "cluster.conf");
        File.Copy(ComposeFile.PathOf("cluster.conf"), clusterConf, overwrite: true);
        var count = int.Parse(SimulatorCommand[0], System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(_folder, "accounts.conf"), SimulatorRegistry.Render(SimulatorOptions.GenerateAccounts(count)));
        var options = HoconOptions.Default with { Environment = name => environment.GetValueOrDefault(name) };
        var credentials = new CredentialSource(name => environment.GetValueOrDefault(name), File.ReadAllText);
        return SupervisorConfiguration.Read(HoconLoader.FromFile(clusterConf, options), credentials);
    }

    private HashSet<string> Services() => [.. ComposeFile.Services(_compose).Keys];

    private List<(string Source, string Target, bool ReadOnly)> Volumes(string service) =>
        [.. ((List<object?>)Service(service)["volumes"]!).Select(v => ComposeFile.Scalar(v, "volume").Split(':')).Select(p => (p[0], p[1], p.Length > 2 && p[2] == "ro"))];

    [GeneratedRegex(@"^akka\.tcp://supervisor@(?<host>[a-z0-9-]+):(?<port>\d+)$")]
    private static partial Regex SeedAddress();

    [GeneratedRegex("PASSWORD|SECRET|TOKEN|API[_-]?KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Z_][A-Z0-9_]*:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();
}
