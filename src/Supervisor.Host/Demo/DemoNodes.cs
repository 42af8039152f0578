using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Accounts;

namespace Supervisor.Host.Demo;

/// <summary>
/// One actor system of the demo and its <c>NodeAccounts</c>, over the local region on a single node and over the shard
/// region in a cluster: statuses of the accounts held here, <c>ForAccount</c> to wherever the account runs.
/// </summary>
internal sealed class DemoNode(int number, IHost host, IActorRef accounts, string? address)
{
    public int Number { get; } = number;

    public IHost Host { get; } = host;

    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    /// <summary>The node's NodeAccounts.</summary>
    public IActorRef Accounts { get; } = accounts;

    /// <summary><c>127.0.0.1:PORT</c> of a cluster member; null for the single node.</summary>
    public string? Address { get; } = address;

    /// <summary>Killed by the demo's fault injection; no longer asked.</summary>
    public bool Crashed { get; set; }
}

/// <summary>The demo's actor systems: one, or the members of an in-process cluster.</summary>
internal sealed class DemoNodes(IReadOnlyList<DemoNode> all)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public IReadOnlyList<DemoNode> All { get; } = all;

    public bool IsCluster => All.Count > 1;

    public IReadOnlyList<DemoNode> Running => [.. All.Where(n => !n.Crashed)];

    /// <summary>Where questions about one account go (<c>ForAccount</c>): the first running node; in a cluster its region reaches every account.</summary>
    public IActorRef Root => Running[0].Accounts;

    /// <summary>The statuses each running node reports for the accounts it holds, asked of all of them at once.</summary>
    public async Task<IReadOnlyList<(DemoNode Node, IReadOnlyList<AccountStatus> Statuses)>> PerNodeAsync(CancellationToken cancellationToken)
    {
        var running = Running;
        var answers = await Task.WhenAll(running.Select(n => AskAsync(n, cancellationToken)));
        return [.. running.Zip(answers, (node, answer) => (node, answer)).Where(p => !p.node.Crashed)];
    }

    // A node killed while being asked never answers: its question ends with its actor system, not after the timeout.
    // A node too busy to answer in time (its region's state) is asked again, twice at most: one late report must not
    // end the demo.
    private static async Task<IReadOnlyList<AccountStatus>> AskAsync(DemoNode node, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ask = node.Accounts.Ask<AccountStatuses>(new GetAccountStatuses(), AskTimeout, cancellationToken);
            if (await Task.WhenAny(ask, node.System.WhenTerminated) != ask && node.Crashed)
            {
                _ = ask.ContinueWith(t => t.Exception, TaskScheduler.Default);
                return [];
            }
            try
            {
                return (await ask).Accounts;
            }
            catch (AskTimeoutException) when (attempt < 3)
            {
                // Asked again.
            }
        }
    }

    /// <summary>Every running node's statuses in one list, ordered by venue and account as the root orders them.</summary>
    public async Task<IReadOnlyList<AccountStatus>> StatusesAsync(CancellationToken cancellationToken)
    {
        var perNode = await PerNodeAsync(cancellationToken);
        return perNode.Count == 1
            ? perNode[0].Statuses
            : AccountStatuses.Ordered(perNode.SelectMany(p => p.Statuses)).Accounts;
    }
}
