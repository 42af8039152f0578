using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Cluster;

/// <summary>
/// Three <c>supervisor run</c> processes as a cluster on loopback, configured as docker-compose.yml configures its nodes,
/// with the simulator as its own process and a real PostgreSQL journal: a node killed or stopped loses no account and
/// no event, and every account ends equal to the simulator's ground truth.
/// </summary>
public sealed class ClusterProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly int[] All = [0, 1, 2];
    private PostgresServer _postgres = null!;
    private ClusterProcesses _cluster = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _cluster = await ClusterProcesses.StartAsync(_postgres, accounts: 12);
        try
        {
            foreach (var node in All)
            {
                _cluster.StartNode(node);
            }
            var formed = await _cluster.WaitUntilAllLiveAsync(All, TimeSpan.FromSeconds(90), "three nodes form a cluster and run every account");
            output.WriteLine($"cluster formed, {_cluster.Accounts.Count} accounts live after {formed.TotalSeconds:F1} s: "
                + string.Join("; ", _cluster.LatestLines(All).Select(l => l!.Text)));
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: without this the node processes outlive the test.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task The_accounts_of_a_killed_node_run_again_on_the_survivors_and_end_equal_to_the_ground_truth()
    {
        await AssertEveryNodesApiListsEveryAccountAsync();
        // The node holding most accounts; when it is the oldest, the shard coordinator moves too.
        var victim = BusiestNode();
        var held = _cluster.LatestLines([victim])[0]!.Held;
        _cluster.Kill(victim);
        int[] survivors = [.. All.Where(n => n != victim)];

        var moved = await _cluster.WaitUntilAllLiveAsync(survivors, TimeSpan.FromSeconds(60), "the killed node's accounts run on the survivors");
        output.WriteLine($"SIGKILL of a node holding {held} accounts: all {_cluster.Accounts.Count} live on the 2 survivors {moved.TotalSeconds:F1} s later");
        Assert.True(held > 0, "the killed node held no account, so nothing was tested");
        Assert.Equal(137, await _cluster.Node(victim).WaitForExitAsync(TimeSpan.FromSeconds(10)));

        await AssertEqualToTruthAsync(survivors);
    }

    // Each node's /api/accounts asks every Up member for the accounts it holds: any node answers for all of them.
    private async Task AssertEveryNodesApiListsEveryAccountAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClusterProcesses.HttpToken);
        foreach (var node in All)
        {
            var body = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(_cluster.ApiUri(node), "/api/accounts"))).RootElement;
            var listed = body.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order().ToList();
            Assert.Equal(_cluster.Accounts.Select(a => a.Id).Order(), listed);
            var nodes = body.GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(3, nodes.Count);
            Assert.All(nodes, n => Assert.True(n.GetProperty("answered").GetBoolean(), n.ToString()));
            var addresses = nodes.Select(n => n.GetProperty("address").GetString()).ToHashSet();
            Assert.All(body.GetProperty("accounts").EnumerateArray(), a => Assert.Contains(a.GetProperty("node").GetString(), addresses));
        }
    }

    [Fact]
    public async Task A_stopped_node_hands_its_accounts_off_and_takes_a_share_again_when_it_returns()
    {
        var leaver = BusiestNode();
        var held = _cluster.LatestLines([leaver])[0]!.Held;
        await _cluster.TerminateAsync(leaver);
        int[] stayers = [.. All.Where(n => n != leaver)];

        var handedOff = await _cluster.WaitUntilAllLiveAsync(stayers, TimeSpan.FromSeconds(30), "the stopped node's accounts run on the others");
        await AssertStoppedCleanlyAsync(leaver);
        output.WriteLine($"SIGTERM of a node holding {held} accounts: all live on the other 2 nodes {handedOff.TotalSeconds:F1} s later");
        Assert.True(held > 0, "the stopped node held no account, so nothing was tested");

        _cluster.StartNode(leaver);
        var rebalanced = await _cluster.WaitForAsync(All, lines => lines.Sum(l => l.Held) == _cluster.Accounts.Count && lines.All(l => l.MembersUp == 3 && l.Held > 0 && l.Live == l.Held),
            TimeSpan.FromSeconds(90), "the returning node takes a share of the accounts");
        output.WriteLine($"restarted node holds accounts again {rebalanced.TotalSeconds:F1} s after its start: " + string.Join("; ", _cluster.LatestLines(All).Select(l => l!.Text)));

        await AssertEqualToTruthAsync(All);
    }

    [Fact]
    public async Task A_node_whose_configuration_disagrees_with_the_cluster_fails_at_start_naming_the_setting_and_harms_no_account()
    {
        var before = _cluster.LatestLines(All).Sum(l => l!.Events);
        var otherJournal = await _postgres.CreateDatabaseAsync();
        await using (var wrongJournal = _cluster.StartExtraNode(ClusterProcesses.FreePort(), new Dictionary<string, string> { ["SUPERVISOR_JOURNAL"] = otherJournal }))
        {
            Assert.Equal(2, await wrongJournal.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("supervisor.persistence: this node's journal", wrongJournal.Output);
            Assert.Contains("is not the cluster's", wrongJournal.Output);
        }
        await using (var portInUse = _cluster.StartExtraNode(_cluster.Port(1), new Dictionary<string, string>()))
        {
            Assert.Equal(2, await portInUse.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"supervisor.cluster.hostname and port: cannot listen on 127.0.0.1:{_cluster.Port(1)}", portInUse.Output);
        }
        await using (var badSeed = _cluster.StartExtraNode(ClusterProcesses.FreePort(), new Dictionary<string, string> { ["SUPERVISOR_CLUSTER_SEED_NODES"] = "node1:4053" }))
        {
            Assert.Equal(2, await badSeed.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("'supervisor.cluster.seed-nodes' 'node1:4053' is not a member address", badSeed.Output);
        }

        // The cluster never saw them: three members, every account live, still trading.
        await _cluster.WaitForAsync(All, lines => lines.Sum(l => l.Held) == _cluster.Accounts.Count && lines.All(l => l.MembersUp == 3 && l.Live == l.Held)
            && lines.Sum(l => l.Events) > before, TimeSpan.FromSeconds(30), "the cluster runs on unchanged");
        await AssertEqualToTruthAsync(All);
    }

    [Fact]
    public async Task A_registry_change_in_the_shared_file_takes_effect_once_cluster_wide()
    {
        var original = await File.ReadAllTextAsync(_cluster.RegistryFile);
        var removed = _cluster.Accounts[^1];
        var without = string.Join('\n', original.Split('\n').Where(line => !line.Contains($"id = \"{removed.Id}\",", StringComparison.Ordinal)));
        Assert.NotEqual(original, without);

        _cluster.ReplaceRegistry(without);
        var gone = await _cluster.WaitForAsync(All, lines => lines.Sum(l => l.Held) == _cluster.Accounts.Count - 1 && lines.All(l => l.Live == l.Held),
            TimeSpan.FromSeconds(60), $"{removed.Id} stops on whichever node held it");
        foreach (var node in All)
        {
            await _cluster.Node(node).WaitForLineAsync(l => l.Contains($"reloaded: removed {removed.Venue}/{removed.Id}", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }
        _cluster.ReplaceRegistry(original);
        foreach (var node in All)
        {
            await _cluster.Node(node).WaitForLineAsync(l => l.Contains($"reloaded: added {removed.Venue}/{removed.Id}", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }
        var printed = All.Select(_cluster.SummaryLines).ToArray();
        var back = await _cluster.WaitForAsync(All, lines => All.All(n => _cluster.SummaryLines(n) > printed[n])
            && lines.Sum(l => l.Held) == _cluster.Accounts.Count && lines.All(l => l.Live == l.Held), TimeSpan.FromSeconds(60), $"{removed.Id} runs again, once");
        output.WriteLine($"registry change: {removed.Id} stopped {gone.TotalSeconds:F1} s after the file changed, ran again {back.TotalSeconds:F1} s after every node had reloaded the restored file");

        await AssertEqualToTruthAsync(All);
    }

    private int BusiestNode()
    {
        var lines = _cluster.LatestLines(All);
        return All.MaxBy(n => lines[n]!.Held);
    }

    private async Task AssertStoppedCleanlyAsync(int node)
    {
        var exit = await _cluster.Node(node).WaitForExitAsync(TimeSpan.FromSeconds(60));
        var printed = _cluster.Node(node).Output;
        Assert.True(exit == 0 && printed.Contains("supervisor: stopped", StringComparison.Ordinal),
            $"node {node} exited with {exit} after SIGTERM:\n{string.Join('\n', printed.Split('\n').TakeLast(30))}");
    }

    private async Task AssertEqualToTruthAsync(int[] running)
    {
        await _cluster.PauseTradingAsync(running);
        foreach (var node in running)
        {
            await _cluster.TerminateAsync(node);
        }
        foreach (var node in running)
        {
            await AssertStoppedCleanlyAsync(node);
        }
        var differences = await _cluster.DifferencesFromTruthAsync();
        if (differences.Count > 0)
        {
            // What the nodes said about the accounts that differ, for whoever has to find out why.
            var ids = differences.Select(d => d.Split(':')[0]).Distinct().ToList();
            var said = All.SelectMany(n => _cluster.Node(n).Output.Split('\n').Where(l => ids.Any(id => l.Contains(id, StringComparison.Ordinal))).Select(l => $"node {n}: {l}"));
            Assert.Fail(string.Join("\n", differences) + "\n" + string.Join("\n", said.TakeLast(40)));
        }
    }
}
