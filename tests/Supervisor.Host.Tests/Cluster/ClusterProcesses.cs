using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Akka.Actor;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Journal;
using Supervisor.Host.Demo;
using Supervisor.Host.Hosting;
using Supervisor.Host.Tests.Cli;
using Supervisor.Simulator;
using Supervisor.Simulator.Model;
using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Cluster;

/// <summary>
/// The deployment of docker-compose.yml as processes on loopback: the simulator as its own process, and nodes that
/// each run <c>supervisor run --config cluster.conf</c> with the environment the compose file gives its nodes
/// (seed nodes: the first two), over one PostgreSQL database.
/// </summary>
internal sealed partial class ClusterProcesses : IAsyncDisposable
{
    public const int NodeCount = 3;

    /// <summary>The API token every node gets (SUPERVISOR_HTTP_TOKEN).</summary>
    public const string HttpToken = "cluster-test-token";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("supervisor-cluster-");
    private readonly int[] _ports = [.. Enumerable.Range(0, NodeCount).Select(_ => FreePort())];
    private readonly CliProcess?[] _nodes = new CliProcess?[NodeCount];
    private readonly List<CliProcess> _stopped = [];
    private readonly HttpClient _http = new();
    private CliProcess _simulator = null!;
    private Uri _simulatorUri = null!;

    private ClusterProcesses(string journal, IReadOnlyList<SimAccount> accounts)
    {
        Journal = journal;
        Accounts = accounts;
    }

    public string Journal { get; }

    public IReadOnlyList<SimAccount> Accounts { get; }

    /// <summary>The simulator with <paramref name="accounts"/> accounts, and the configuration files of the nodes; no node runs yet.</summary>
    public static async Task<ClusterProcesses> StartAsync(PostgresServer postgres, int accounts)
    {
        var cluster = new ClusterProcesses(await postgres.CreateDatabaseAsync(), SimulatorOptions.GenerateAccounts(accounts));
        var port = FreePort();
        cluster._simulatorUri = new Uri($"http://127.0.0.1:{port}/");
        // As in docker-compose.yml: the simulator writes the registry of its test accounts beside cluster.conf.
        cluster._simulator = CliProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Supervisor.Simulator.dll"),
            accounts.ToString(CultureInfo.InvariantCulture), cluster._simulatorUri.ToString().TrimEnd('/'), "--registry-file", "accounts.conf"], cluster._directory.FullName);
        await cluster._simulator.WaitForLineAsync(l => l.StartsWith("simulator: registry of", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "deployment", "cluster.conf"), Path.Combine(cluster._directory.FullName, "cluster.conf"));
        return cluster;
    }

    /// <summary>Starts node <paramref name="index"/> (again).</summary>
    public void StartNode(int index)
    {
        if (_nodes[index] is { } old)
        {
            _stopped.Add(old);
        }
        _nodes[index] = StartProcess(EnvironmentFor(_ports[index]));
    }

    /// <summary>Starts one more node on <paramref name="port"/>, its environment changed by <paramref name="changes"/>; the caller disposes it.</summary>
    public CliProcess StartExtraNode(int port, IReadOnlyDictionary<string, string> changes)
    {
        var environment = EnvironmentFor(port);
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }
        return StartProcess(environment);
    }

    private CliProcess StartProcess(Dictionary<string, string> environment) =>
        CliProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "supervisor.dll"), "run", "--config", "cluster.conf"], _directory.FullName, environment: environment);

    // What docker-compose.yml gives a node, with loopback addresses instead of service names.
    private Dictionary<string, string> EnvironmentFor(int port)
    {
        var ws = _simulatorUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["SUPERVISOR_JOURNAL"] = Journal,
            ["SUPERVISOR_CLUSTER_HOSTNAME"] = "127.0.0.1",
            ["SUPERVISOR_CLUSTER_PUBLIC_HOSTNAME"] = "127.0.0.1",
            ["SUPERVISOR_CLUSTER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["SUPERVISOR_CLUSTER_SEED_NODES"] = $"akka.tcp://supervisor@127.0.0.1:{_ports[0]},akka.tcp://supervisor@127.0.0.1:{_ports[1]}",
            ["SUPERVISOR_COINW_URL"] = ws + "/perpum",
            ["SUPERVISOR_COINW_REST_URL"] = _simulatorUri.ToString(),
            ["SUPERVISOR_COINLOCALLY_URL"] = ws + "/position_order/ws",
            ["SUPERVISOR_COINLOCALLY_REST_URL"] = _simulatorUri.ToString(),
            // Summary lines every second (the default 10 s is too coarse to time a move).
            ["SUPERVISOR_STATUS_INTERVAL"] = "1s",
            // Every process its own loopback port for the API (a fresh one per start), as each container has its own 8080.
            ["SUPERVISOR_HTTP_URL"] = $"http://127.0.0.1:{FreePort()}",
            ["SUPERVISOR_HTTP_TOKEN"] = HttpToken,
        };
        return environment;
    }

    /// <summary>The shared registry file, as the simulator wrote it (every node includes it).</summary>
    public string RegistryFile => Path.Combine(_directory.FullName, "accounts.conf");

    /// <summary>Replaces the registry file at once, as a deploy tool does (never half written).</summary>
    public void ReplaceRegistry(string text)
    {
        var temporary = RegistryFile + ".new";
        File.WriteAllText(temporary, text);
        File.Move(temporary, RegistryFile, overwrite: true);
    }

    public CliProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"node {index} was never started");

    /// <summary>Where node <paramref name="index"/>'s API listens, as it printed it.</summary>
    public Uri ApiUri(int index) =>
        new(Regex.Match(Node(index).Output, @"^http: listening on (\S+)$", RegexOptions.Multiline) is { Success: true } line
            ? line.Groups[1].Value
            : throw new InvalidOperationException($"node {index} printed no http line:\n{Tail(Node(index).Output)}"));

    public int Port(int index) => _ports[index];

    /// <summary>SIGKILL: the node dies without leaving or handing anything off.</summary>
    public void Kill(int index) => Node(index).Kill();

    /// <summary>SIGTERM, as <c>docker compose stop</c> sends it.</summary>
    public Task TerminateAsync(int index) => Node(index).SignalAsync("TERM");

    /// <summary>What the latest summary line of each running node says: accounts held and live, members it sees up.</summary>
    public IReadOnlyList<NodeLine?> LatestLines(IEnumerable<int> nodes) =>
        [.. nodes.Select(i => Node(i).Output.Split('\n').Reverse().Select(NodeLine.Parse).FirstOrDefault(l => l is not null))];

    /// <summary>Waits until <paramref name="condition"/> holds for the latest lines of <paramref name="nodes"/>; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForAsync(int[] nodes, Func<IReadOnlyList<NodeLine>, bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var lines = LatestLines(nodes);
            if (lines.All(l => l is not null) && condition([.. lines.Select(l => l!)]))
            {
                return clock.Elapsed;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{what}: not within {timeout}. Latest lines:\n"
            + string.Join("\n", nodes.Select(i => $"node {i}: {LatestLines([i])[0]?.Text ?? "(none)"}")) + "\n" + string.Join("\n", nodes.Select(i => $"--- node {i}\n{Tail(Node(i).Output)}")));
    }

    /// <summary>Waits until every account is live, each on exactly one of <paramref name="nodes"/>.</summary>
    public Task<TimeSpan> WaitUntilAllLiveAsync(int[] nodes, TimeSpan timeout, string what) =>
        WaitForAsync(nodes, lines => lines.Sum(l => l.Held) == Accounts.Count && lines.All(l => l.Live == l.Held && l.MembersUp == nodes.Length), timeout, what);

    /// <summary>
    /// Stops the simulator's trading, then waits until every node has printed three more summary lines (three seconds
    /// at least): frames in flight arrive and are persisted, and ChainUP's ADL_PRICE, pushed every second, brings each
    /// account's ranks to their final values.
    /// </summary>
    public async Task PauseTradingAsync(int[] nodes)
    {
        using var paused = await _http.PostAsJsonAsync(new Uri(_simulatorUri, "sim/faults"), new { action = "pause" });
        paused.EnsureSuccessStatusCode();
        var printed = nodes.Select(i => SummaryLines(i)).ToArray();
        await WaitForAsync(nodes, _ => nodes.Select((node, i) => SummaryLines(node) - printed[i]).All(more => more >= 3),
            TimeSpan.FromSeconds(30), "three summary lines after trading paused");
    }

    /// <summary>How many summary lines node <paramref name="node"/> has printed so far.</summary>
    public int SummaryLines(int node) => Node(node).Output.Split('\n').Count(l => NodeLine.Parse(l) is not null);

    /// <summary>Every account's differences from the simulator's ground truth, its state replayed from the shared journal.</summary>
    public async Task<IReadOnlyList<string>> DifferencesFromTruthAsync()
    {
        var journal = JournalSettings.PostgreSql(Journal);
        using var host = SupervisorHost.Build("journal-reader", journal, LogLevel.Error, (_, _) => { }, createTables: false);
        await host.StartAsync();
        try
        {
            var reader = new AccountJournalReader(host.Services.GetRequiredService<ActorSystem>());
            var differences = new List<string>();
            foreach (var account in Accounts)
            {
                var truth = await _http.GetFromJsonAsync<AccountTruth>(new Uri(_simulatorUri, $"sim/accounts/{account.Id}/truth"))
                    ?? throw new InvalidOperationException($"no truth for {account.Id}");
                var state = await reader.StateAsync(account.Venue, account.Id, CancellationToken.None);
                differences.AddRange(DemoComparison.Differences(truth, state).Select(d => $"{account.Id}: {d}"));
            }
            return differences;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<CliProcess>().Concat(_stopped))
        {
            await node.DisposeAsync();
        }
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
        _http.Dispose();
        _directory.Delete(recursive: true);
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(15));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One node's summary line, e.g. <c>node 127.0.0.1:4053 (Up, 3 members up) holds 3: live 3/3, … events 812</c>.</summary>
    public sealed partial record NodeLine(string Text, int MembersUp, int Held, int Live, long Events)
    {
        public static NodeLine? Parse(string line)
        {
            var match = Pattern().Match(line);
            return match.Success
                ? new NodeLine(line, Number(match, "up"), Number(match, "held"), Number(match, "live"), long.Parse(match.Groups["events"].Value, CultureInfo.InvariantCulture))
                : null;
        }

        private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

        [GeneratedRegex(@"^node \S+ \(\w+, (?<up>\d+) members up[^)]*\) holds (?<held>\d+): live (?<live>\d+)/\d+, .*events (?<events>\d+)")]
        private static partial Regex Pattern();
    }
}
