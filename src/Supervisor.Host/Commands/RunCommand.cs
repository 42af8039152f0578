using System.CommandLine;
using Supervisor.Actors.Configuration;
using Supervisor.Host.Run;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor run --config FILE [--duration T]</c>: supervise the accounts of a HOCON configuration until Ctrl-C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "the HOCON file with supervisor.registry (the built-in reference.conf supplies every default)", Required = true };
        var duration = CommandDurations.Option("stop after this long (e.g. 10m); without it, run until Ctrl-C", fallback: null);
        var http = HttpOption.Create("listen on this URL instead of supervisor.http.url, e.g. http://127.0.0.1:0 (0: any free port)");
        var command = new Command("run", "Supervise the accounts of a configuration: one live socket per account, state persisted in the journal.") { config, duration, http };
        command.SetAction(async (result, cancellationToken) =>
            await new SupervisorRunner(result.GetValue(config)!.FullName, result.GetValue(duration), Console.Out, Console.Error, CredentialSource.Default,
                result.GetValue(http))
                .RunAsync(cancellationToken));
        return command;
    }
}
