using Akka.Actor;
using Supervisor.Actors.Accounts;
using ClusterMember = Akka.Cluster.Member;
using MemberStatus = Akka.Cluster.MemberStatus;

namespace Supervisor.Host.Http;

/// <summary>
/// Asks for every account's status: the root on a single node; in a cluster, the <c>/user/accounts</c> of every Up
/// member (each reports the accounts it holds), merged, so whichever node serves the API answers for all of them. A
/// node that does not answer within the ask timeout is reported as such, never silently left out.
/// </summary>
internal sealed class AccountStatusQuery(IServiceProvider services, ActorSystem system, HttpSettings settings)
{
    /// <summary>The report as of now.</summary>
    public async Task<AccountStatusReport> AskAsync(CancellationToken cancellationToken)
    {
        if (!AccountRoot.IsClustered(system))
        {
            var root = await AccountRoot.GetAsync(services, cancellationToken).ConfigureAwait(false);
            var node = ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();
            var answer = await AskNodeAsync(root, node, cancellationToken).ConfigureAwait(false);
            return Merge([answer]);
        }
        var members = Akka.Cluster.Cluster.Get(system).State.Members.Where(m => m.Status == MemberStatus.Up).ToList();
        var answers = await Task.WhenAll(members.Select(m => AskMemberAsync(m, cancellationToken))).ConfigureAwait(false);
        return Merge(answers);
    }

    private Task<(NodeAnswer Node, IReadOnlyList<AccountStatus> Statuses)> AskMemberAsync(ClusterMember member, CancellationToken cancellationToken)
    {
        var accounts = system.ActorSelection(new RootActorPath(member.Address) / "user" / "accounts");
        return AskNodeAsync(accounts, member.Address.ToString(), cancellationToken);
    }

    private async Task<(NodeAnswer Node, IReadOnlyList<AccountStatus> Statuses)> AskNodeAsync(ICanTell accounts, string node, CancellationToken cancellationToken)
    {
        try
        {
            var statuses = await accounts.Ask<AccountStatuses>(new GetAccountStatuses(), settings.AskTimeout, cancellationToken).ConfigureAwait(false);
            return (new NodeAnswer(node, true, statuses.Accounts.Count, null), statuses.Accounts);
        }
        catch (AskTimeoutException)
        {
            return (new NodeAnswer(node, false, 0, $"did not answer within {settings.AskTimeout.TotalSeconds:0.###} s"), []);
        }
    }

    // During a move an account can briefly be reported by two nodes: the live one is kept.
    private static AccountStatusReport Merge(IReadOnlyList<(NodeAnswer Node, IReadOnlyList<AccountStatus> Statuses)> answers)
    {
        var accounts = answers
            .SelectMany(a => a.Statuses.Select(s => new LocatedStatus(s, a.Node.Address)))
            .GroupBy(s => (s.Status.Venue, s.Status.AccountId))
            .Select(g => g.OrderByDescending(s => s.Status.Connection == Actors.Connection.ConnectionStatus.Live).First())
            .OrderBy(s => s.Status.Venue, StringComparer.Ordinal).ThenBy(s => s.Status.AccountId, StringComparer.Ordinal)
            .ToList();
        return new AccountStatusReport(accounts, [.. answers.Select(a => a.Node)]);
    }
}
