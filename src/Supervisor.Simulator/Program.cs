using System.Globalization;
using System.Runtime.InteropServices;

namespace Supervisor.Simulator;

/// <summary>
/// Runs the simulator on its own: <c>dotnet run --project src/Supervisor.Simulator -- [accounts] [url] [--registry-file PATH]</c>.
/// </summary>
public static class Program
{
    /// <summary>Exit code of a wrong command line.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the registry file cannot be written.</summary>
    public const int RegistryFileError = 3;

    private const string DefaultUrl = "http://127.0.0.1:5080";

    private const string Usage =
        "usage: Supervisor.Simulator [accounts] [url] [--registry-file PATH]\n" +
        "  accounts              how many accounts to serve, alternating CoinW and coinlocally (default 10)\n" +
        "  url                   where to listen (default " + DefaultUrl + "; http://0.0.0.0:5080 in a container)\n" +
        "  --registry-file PATH  also write the supervisor.registry of these accounts to PATH (HOCON, for the supervisor)";

    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        // `docker stop` sends SIGTERM: stop the web host cleanly instead of being killed at the end of the grace period.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        return await RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    /// <summary>
    /// Parses <paramref name="args"/>, starts the simulator, writes the registry file if asked (after the simulator
    /// listens, so the file's presence tells it is up) and serves until <paramref name="stop"/> is cancelled.
    /// </summary>
    /// <returns>0 once stopped, <see cref="UsageError"/> for a wrong command line, <see cref="RegistryFileError"/> when the registry file cannot be written.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }
        var (command, problem) = Parse(args);
        if (command is null)
        {
            return Fail(error, problem!);
        }

        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Accounts = SimulatorOptions.GenerateAccounts(command.Count), Url = command.Url }, stop);
        output.WriteLine($"simulator: {command.Count} accounts; CoinW {host.CoinWUri} (public channels too), ChainUP {host.ChainUpUri} and public {host.ChainUpPublicUri}, truth at {host.BaseUri}sim/accounts/<id>/truth, marks at {host.BaseUri}sim/marks/<venue>. Ctrl-C to stop.");
        foreach (var account in host.Accounts)
        {
            output.WriteLine($"  {account.Id} {account.Venue} key={account.ApiKey}");
        }
        if (command.RegistryFile is { } registryFile)
        {
            try
            {
                SimulatorRegistry.Write(registryFile, host.Accounts);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"simulator: cannot write the registry file {registryFile}: {e.Message}");
                return RegistryFileError;
            }
            output.WriteLine($"simulator: registry of {host.Accounts.Count} accounts (test credentials) written to {Path.GetFullPath(registryFile)}");
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        return 0;
    }

    private sealed record Command(int Count, string Url, string? RegistryFile);

    // The command, or why the command line is wrong.
    private static (Command? Command, string? Error) Parse(string[] args)
    {
        const string option = "--registry-file";
        var positional = new List<string>();
        string? registryFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value;
            if (arg == option)
            {
                value = i + 1 < args.Length ? args[++i] : "";
            }
            else if (arg.StartsWith(option + "=", StringComparison.Ordinal))
            {
                value = arg[(option.Length + 1)..];
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                return (null, $"unknown option {arg}");
            }
            else
            {
                positional.Add(arg);
                continue;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, $"{option} needs a PATH");
            }
            if (registryFile is not null)
            {
                return (null, $"{option} is given more than once");
            }
            registryFile = value;
        }
        if (positional.Count > 2)
        {
            return (null, $"too many arguments: {string.Join(' ', positional)}");
        }
        var count = 10;
        if (positional.Count > 0 && !(int.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0))
        {
            return (null, $"accounts must be a positive whole number, was '{positional[0]}'");
        }
        var url = positional.Count > 1 ? positional[1] : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, $"url must be an absolute http:// or https:// URL, was '{url}'");
        }
        return (new Command(count, url, registryFile), null);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("simulator: " + message);
        error.WriteLine(Usage);
        return UsageError;
    }
}
