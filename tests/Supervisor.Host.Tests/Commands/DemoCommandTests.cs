using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Supervisor.Host.Commands;
using Supervisor.Host.Demo;
using Supervisor.Host.Tests.Cli;
using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Commands;

/// <summary>The demo end to end, small: real sockets to the in-process simulator, a real SQLite journal, the ground-truth check.</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task A_short_demo_ends_with_every_account_equal_to_the_ground_truth()
    {
        var output = new StringWriter();
        var exit = await new DemoRunner(6, TimeSpan.FromSeconds(3), output).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("RESULT: 6/6 accounts equal to the simulator's ground truth.", text);
        Assert.Contains("reconnects 0", text);
    }

    [Fact]
    public async Task With_faults_dropped_accounts_reconnect_and_still_equal_the_ground_truth()
    {
        var output = new StringWriter();
        var exit = await new DemoRunner(6, TimeSpan.FromSeconds(4), output, faults: true).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("faults: dropped the sockets of", text);
        Assert.Contains("RESULT: 6/6 accounts equal to the simulator's ground truth.", text);
    }

    [Fact]
    public async Task Three_nodes_share_the_accounts_and_every_account_ends_equal_to_the_ground_truth()
    {
        var output = new StringWriter();
        var exit = await new DemoRunner(9, TimeSpan.FromSeconds(10), output, nodes: 3).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("3 cluster nodes in this process", text);
        var held = NodeLines().Matches(text);
        Assert.Equal(["1", "2", "3"], held.Select(m => m.Groups["node"].Value));
        // Each node its own remoting port, and the accounts spread over all of them, each held once.
        Assert.Equal(3, held.Select(m => m.Groups["port"].Value).Distinct().Count());
        Assert.Equal(9, held.Sum(m => int.Parse(m.Groups["held"].Value, CultureInfo.InvariantCulture)));
        Assert.All(held, m => Assert.NotEqual("0", m.Groups["held"].Value));
        Assert.Contains("; held by node 1: ", text);
        Assert.Contains("RESULT: 9/9 accounts equal to the simulator's ground truth.", text);
    }

    [Fact]
    public async Task With_faults_on_three_nodes_the_busiest_node_is_killed_and_its_accounts_move_and_still_equal_the_ground_truth()
    {
        var output = new StringWriter();
        var exit = await new DemoRunner(9, TimeSpan.FromSeconds(10), output, faults: true, nodes: 3).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Matches(@"faults: killing node \d 127\.0\.0\.1:\d+(, the oldest member: the shard coordinator moves too)? \(actor system terminated without CoordinatedShutdown", text);
        Assert.Matches(@"accounts held before: node 1 \d, node 2 \d, node 3 \d", text);
        Assert.Matches(@"faults: accounts held after: node \d \d, node \d \d; the \d accounts of node \d live again on the survivors after \d+\.\d\d s", text);
        Assert.Matches(@"faults: the \d moved accounts reconciled with the venue's snapshot after \d+\.\d\d s", text);
        Assert.Contains(": killed", text);
        Assert.DoesNotContain("FAILOVER INCOMPLETE", text);
        Assert.Contains("RESULT: 9/9 accounts equal to the simulator's ground truth.", text);
    }

    [Fact]
    public async Task Demo_with_postgres_journals_into_that_database_and_ends_with_every_account_equal_to_the_ground_truth()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("supervisor-demo-pg-");
        try
        {
            await using var demo = CliProcess.Supervisor(["demo", "--accounts", "4", "--duration", "5s", "--postgres", database], directory.FullName);

            Assert.Equal(0, await demo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains("RESULT: 4/4 accounts equal to the simulator's ground truth.", demo.Output);
            Assert.Contains($"journal postgresql 127.0.0.1:{server.Port}/", demo.Output);
            // Nothing went to a SQLite file.
            Assert.False(Directory.Exists(Path.Combine(directory.FullName, "data")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Three_nodes_share_one_postgres_journal_and_every_account_ends_equal_to_the_ground_truth()
    {
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        var output = new StringWriter();
        var exit = await new DemoRunner(6, TimeSpan.FromSeconds(5), output, postgres: database, nodes: 3).RunAsync(CancellationToken.None);
        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains($"journal postgresql 127.0.0.1:{server.Port}/", text);
        Assert.Equal(3, NodeLines().Matches(text).Count);
        Assert.Contains("RESULT: 6/6 accounts equal to the simulator's ground truth.", text);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_a_clear_message()
    {
        var accounts = Program.BuildRoot().Parse(["demo", "--accounts", "0"]);
        Assert.Contains(accounts.Errors, e => e.Message.Contains("--accounts must be between 1 and 5000", StringComparison.Ordinal));
        var duration = Program.BuildRoot().Parse(["demo", "--duration", "soon"]);
        Assert.Contains(duration.Errors, e => e.Message.Contains("is not a duration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("x")]
    public void A_node_count_that_is_not_1_to_9_is_refused_with_a_clear_message_and_exit_code_1(string nodes)
    {
        var parse = Program.BuildRoot().Parse(["demo", "--nodes", nodes]);
        Assert.Contains(parse.Errors, e => e.Message == $"--nodes must be a whole number between 1 and {DemoRunner.MaxNodes}, was '{nodes}'.");
        var error = new StringWriter();
        Assert.Equal(1, parse.Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error }));
        Assert.Contains("--nodes must be a whole number between 1 and 9", error.ToString());
    }

    [Fact]
    public void Without_options_the_demo_takes_its_documented_defaults()
    {
        var parse = Program.BuildRoot().Parse(["demo"]);
        Assert.Empty(parse.Errors);
        var demo = parse.CommandResult.Command;
        Assert.Equal(DemoCommand.DefaultAccounts, parse.GetValue<int>("--accounts"));
        Assert.Equal(DemoCommand.DefaultDuration, parse.GetValue<TimeSpan?>("--duration"));
        Assert.Equal(DemoCommand.DefaultNodes, parse.GetValue<int>("--nodes"));
        Assert.Equal(1, DemoCommand.DefaultNodes);
        Assert.False(parse.GetValue<bool>("--faults"));
        Assert.Equal("demo", demo.Name);
    }

    [GeneratedRegex(@"^node (?<node>\d) 127\.0\.0\.1:(?<port>\d+) holds (?<held>\d+) accounts$", RegexOptions.Multiline)]
    private static partial Regex NodeLines();
}
