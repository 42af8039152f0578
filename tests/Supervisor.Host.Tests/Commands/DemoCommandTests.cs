using Supervisor.Host.Commands;
using Supervisor.Host.Demo;
using Supervisor.Host.Tests.Cli;
using Supervisor.Tests.Postgres;

namespace Supervisor.Host.Tests.Commands;

/// <summary>The demo end to end, small: real sockets to the in-process simulator, a real SQLite journal, the ground-truth check.</summary>
public sealed class DemoCommandTests
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
    public void Bad_arguments_are_refused_with_a_clear_message()
    {
        var accounts = Program.BuildRoot().Parse(["demo", "--accounts", "0"]);
        Assert.Contains(accounts.Errors, e => e.Message.Contains("--accounts must be between 1 and 5000", StringComparison.Ordinal));
        var duration = Program.BuildRoot().Parse(["demo", "--duration", "soon"]);
        Assert.Contains(duration.Errors, e => e.Message.Contains("is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_options_the_demo_takes_its_documented_defaults()
    {
        var parse = Program.BuildRoot().Parse(["demo"]);
        Assert.Empty(parse.Errors);
        var demo = parse.CommandResult.Command;
        Assert.Equal(DemoCommand.DefaultAccounts, parse.GetValue<int>("--accounts"));
        Assert.Equal(DemoCommand.DefaultDuration, parse.GetValue<TimeSpan?>("--duration"));
        Assert.False(parse.GetValue<bool>("--faults"));
        Assert.Equal("demo", demo.Name);
    }
}
