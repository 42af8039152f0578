using System.CommandLine;
using Supervisor.Host.Demo;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor demo [--accounts N] [--duration T] [--faults] [--postgres CONNECTION]</c>: the one-command demo on the embedded default.</summary>
internal static class DemoCommand
{
    public const int DefaultAccounts = 10;
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
        var faults = new Option<bool>("--faults") { Description = "drop a tenth of the accounts' sockets every few seconds while trading goes on (reconciliation recovers what they miss)" };
        var postgres = new Option<string?>("--postgres") { Description = "journal in this PostgreSQL database (connection string) instead of a new SQLite file under ./data" };
        var command = new Command("demo", "Run the simulator and the supervisor together on the embedded SQLite journal, then compare every account with the ground truth.") { accounts, duration, faults, postgres };
        command.SetAction(async (result, cancellationToken) =>
            await new DemoRunner(result.GetValue(accounts), result.GetValue(duration)!.Value, Console.Out,
                interactive: !Console.IsOutputRedirected, faults: result.GetValue(faults), postgres: result.GetValue(postgres)).RunAsync(cancellationToken));
        return command;
    }
}
