using System.CommandLine;
using Supervisor.Host.Commands;

namespace Supervisor.Host;

/// <summary>The <c>supervisor</c> executable: one sub-command per job.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

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
