using System.Text.Json;

namespace Supervisor.Simulator;

/// <summary>Runs the exchange simulator on its own: <c>--urls URL --accounts N --seed S [--config file.json]</c>.</summary>
public static class Program
{
    /// <summary>Entry point; runs until Ctrl+C.</summary>
    public static async Task<int> Main(string[] args)
    {
        var options = new SimulatorOptions { Url = "http://127.0.0.1:5080" };
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--urls" => options with { Url = args[i + 1] },
                "--accounts" => options with { GeneratedAccounts = int.Parse(args[i + 1]) },
                "--seed" => options with { Seed = int.Parse(args[i + 1]) },
                "--config" => options with
                {
                    Accounts = JsonSerializer.Deserialize<List<SimAccountConfig>>(await File.ReadAllTextAsync(args[i + 1]), JsonOptions) ?? [],
                },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        await using var host = await SimulatorHost.StartAsync(options, stop.Token);
        Console.WriteLine($"simulator listening on {host.HttpBaseUri}");
        foreach (var a in host.Accounts)
            Console.WriteLine($"  {a.Config.Id} {a.Config.Venue} apiKey={a.Config.ApiKey} userId={a.Config.UserId}");
        try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
