using System.CommandLine;

namespace Supervisor.Host.Commands;

/// <summary><c>supervisor demo</c>: the one-command demo on the embedded default.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the simulator and the supervisor together on the embedded SQLite journal.");
        command.SetAction(static _ =>
        {
            // The demo needs the account actors (issue 6); until they land, say so plainly instead of pretending.
            Console.Error.WriteLine("supervisor demo: not yet available (the account actors have not landed yet).");
            return 2;
        });
        return command;
    }
}
