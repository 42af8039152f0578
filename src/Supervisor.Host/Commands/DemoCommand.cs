using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Supervisor.Host.Demo;
using Supervisor.Host.Http;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor demo [--accounts N] [--duration T] [--nodes N] [--faults] [--postgres CONNECTION] [--http URL]</c>: the one-command demo on the embedded default.</summary>
internal static class DemoCommand
{
    public const int DefaultAccounts = 10;
    public const int DefaultNodes = 1;
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(20);

    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "accounts to simulate, split over CoinW and ChainUP", DefaultValueFactory = _ => DefaultAccounts };
        accounts.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 5000)
            {
                result.AddError("--accounts must be between 1 and 5000.");
            }
        });
        var duration = CommandDurations.Option("how long to trade, e.g. 60s, 2m, 00:01:00", DefaultDuration);
        var nodes = new Option<int>("--nodes")
        {
            Description = $"cluster nodes to run in this process, each its own actor system on a free 127.0.0.1 port, the accounts sharded over them (1 to {DemoRunner.MaxNodes}; 1: no cluster)",
            DefaultValueFactory = _ => DefaultNodes,
            CustomParser = ParseNodes,
        };
        var faults = new Option<bool>("--faults")
        {
            Description = "drop a tenth of the accounts' sockets every few seconds while trading goes on (reconciliation recovers what they miss); "
                + $"with --nodes {DemoRunner.CrashMinNodes} or more, kill the node holding most accounts halfway through instead",
        };
        var postgres = new Option<string?>("--postgres") { Description = "journal in this PostgreSQL database (connection string) instead of a new SQLite file under ./data" };
        var http = HttpOption.Create("serve the API on this URL (default supervisor.http.url, http://127.0.0.1:8080, or a free port when that is taken)");
        var command = new Command("demo", "Run the simulator and the supervisor together on the embedded SQLite journal, then compare every account with the ground truth.") { accounts, duration, nodes, faults, postgres, http };
        command.SetAction(async (result, cancellationToken) =>
            DemoHttp.Create(result.GetValue(http), Console.Out, Console.Error) is not { } serving ? 2
            : await new DemoRunner(result.GetValue(accounts), result.GetValue(duration)!.Value, Console.Out,
                interactive: !Console.IsOutputRedirected, faults: result.GetValue(faults), postgres: result.GetValue(postgres), nodes: result.GetValue(nodes), api: serving).RunAsync(cancellationToken));
        return command;
    }

    // At parse time, so "--nodes x" says what is wrong in the same words as an out-of-range number.
    private static int ParseNodes(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= DemoRunner.MaxNodes)
        {
            return count;
        }
        result.AddError($"--nodes must be a whole number between 1 and {DemoRunner.MaxNodes}, was '{text}'.");
        return DefaultNodes;
    }
}
