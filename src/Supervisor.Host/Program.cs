using System.CommandLine;
using Supervisor.Host.Commands;

namespace Supervisor.Host;

/// <summary>The <c>supervisor</c> executable: one sub-command per job.</summary>
public static class Program
{
    // Ctrl-C and SIGTERM cancel the command, which then stops the host (CoordinatedShutdown: accounts, journal, system);
    // System.CommandLine's default of 2 s would kill the process halfway through that.
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });

    /// <summary>The command tree.</summary>
    internal static RootCommand BuildRoot() => new("Supervisor: keeps exchange sub-account streams alive and their state persisted.")
    {
        DemoCommand.Create(),
        RunCommand.Create(),
        DecodeCommand.Create(),
        ConfigCommand.Create(),
        JournalCommands.Events(),
        JournalCommands.State(),
    };
}
