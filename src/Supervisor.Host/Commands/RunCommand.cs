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
        var duration = new Option<string?>("--duration") { Description = "stop after this long (e.g. 10m); without it, run until Ctrl-C" };
        var command = new Command("run", "Supervise the accounts of a configuration: one live socket per account, state persisted in the journal.") { config, duration };
        command.Validators.Add(result =>
        {
            if (result.GetValue(duration) is { } text && CommandDurations.Parse(text) is null)
            {
                result.AddError($"--duration '{text}' is not a duration: use e.g. 60s, 10m or 01:00:00.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
            await new SupervisorRunner(result.GetValue(config)!.FullName, CommandDurations.Parse(result.GetValue(duration)), Console.Out, Console.Error, CredentialSource.Default)
                .RunAsync(cancellationToken));
        return command;
    }
}
