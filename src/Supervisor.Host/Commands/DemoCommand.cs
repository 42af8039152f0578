using System.CommandLine;
using Supervisor.Host.Demo;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor demo [--accounts N] [--duration T]</c>: the one-command demo on the embedded default.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "accounts to simulate, split over CoinW and ChainUP", DefaultValueFactory = _ => 10 };
        var duration = new Option<TimeSpan>("--duration") { Description = "how long to trade, e.g. 60s, 00:01:00", DefaultValueFactory = _ => TimeSpan.FromSeconds(20), CustomParser = ParseDuration };
        var command = new Command("demo", "Run the simulator and the supervisor together on the embedded SQLite journal, then compare every account with the ground truth.") { accounts, duration };
        command.Validators.Add(result =>
        {
            if (result.GetValue(accounts) is < 1 or > 5000)
            {
                result.AddError("--accounts must be between 1 and 5000.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
            await new DemoRunner(result.GetValue(accounts), result.GetValue(duration), Console.Out).RunAsync(cancellationToken));
        return command;
    }

    private static TimeSpan ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "20s" : result.Tokens[0].Value;
        if (text.EndsWith('s') && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (text.EndsWith('m') && double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            return TimeSpan.FromMinutes(minutes);
        }
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }
        result.AddError($"--duration '{text}' is not a duration: use e.g. 60s, 2m or 00:01:00.");
        return TimeSpan.Zero;
    }
}
