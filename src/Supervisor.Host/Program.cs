using System.CommandLine;
using Supervisor.Host.Commands;

namespace Supervisor.Host;

/// <summary>The <c>supervisor</c> executable: one sub-command per job.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Supervisor: keeps exchange sub-account streams alive and their state persisted.")
        {
            DemoCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
