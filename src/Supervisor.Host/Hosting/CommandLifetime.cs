using Microsoft.Extensions.Hosting;

namespace Supervisor.Host.Hosting;

/// <summary>
/// A host lifetime that leaves signals to the command line: System.CommandLine turns Ctrl-C and SIGTERM into the
/// command's cancellation, and the command stops the host, so shutdown runs once, in order, and the exit code is the
/// command's.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
