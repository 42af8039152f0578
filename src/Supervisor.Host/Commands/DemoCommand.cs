using System.CommandLine;
using Supervisor.Host.Demo;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor demo [--accounts N] [--duration T]</c>: the one-command demo on the embedded default.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "accounts to simulate, split over CoinW and ChainUP", DefaultValueFactory = _ => 10 };
        var duration = new Option<string>("--duration") { Description = "how long to trade, e.g. 60s, 2m, 00:01:00", DefaultValueFactory = _ => "20s" };
        var faults = new Option<bool>("--faults") { Description = "drop a tenth of the accounts' sockets every few seconds while trading goes on (reconciliation recovers what they miss)" };
        var command = new Command("demo", "Run the simulator and the supervisor together on the embedded SQLite journal, then compare every account with the ground truth.") { accounts, duration, faults };
        command.Validators.Add(result =>
        {
            if (result.GetValue(accounts) is < 1 or > 5000)
            {
                result.AddError("--accounts must be between 1 and 5000.");
            }
            if (CommandDurations.Parse(result.GetValue(duration)) is null)
            {
                result.AddError($"--duration '{result.GetValue(duration)}' is not a duration: use e.g. 60s, 2m or 00:01:00.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
            await new DemoRunner(result.GetValue(accounts), CommandDurations.Parse(result.GetValue(duration))!.Value, Console.Out,
                interactive: !Console.IsOutputRedirected, faults: result.GetValue(faults)).RunAsync(cancellationToken));
        return command;
    }
}
