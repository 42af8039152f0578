namespace Supervisor.Simulator;

/// <summary>Runs the simulator on its own: <c>dotnet run --project src/Supervisor.Simulator -- [accounts] [url]</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 10;
        var url = args.Length > 1 ? args[1] : "http://127.0.0.1:5080";
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(count), Url = url });
        Console.WriteLine($"simulator: {count} accounts; CoinW {host.CoinWUri} (public channels too), ChainUP {host.ChainUpUri} and public {host.ChainUpPublicUri}, truth at {host.BaseUri}sim/accounts/<id>/truth, marks at {host.BaseUri}sim/marks/<venue>. Ctrl-C to stop.");
        foreach (var account in host.Accounts)
        {
            Console.WriteLine($"  {account.Id} {account.Venue} key={account.ApiKey}");
        }
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
        return 0;
    }
}
