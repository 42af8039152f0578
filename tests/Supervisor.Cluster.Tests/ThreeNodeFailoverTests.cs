using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Venues.Events;
using Xunit.Abstractions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace Supervisor.Cluster.Tests;

/// <summary>
/// Three real cluster members in one process over one SQLite journal: every account runs on exactly one node, and
/// when a node crashes its accounts start on the survivors by themselves and recover what they had persisted.
/// </summary>
public sealed class ThreeNodeFailoverTests(ITestOutputHelper output)
{
    private const int AccountCount = 9;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Every_account_runs_on_exactly_one_node_persists_what_is_sent_and_answers_through_another_node() => RunAsync(crash: false);

    // Was skipped as flaky (8 of 10 passed) while every node sent StartEntity for every account at once; 11 of 11
    // passed once the AccountKeeper singleton became the only sender (docs/cluster.md).
    [Fact]
    public Task Accounts_of_a_crashed_node_start_on_the_survivors_and_recover_their_persisted_state() => RunAsync(crash: true);

    private async Task RunAsync(bool crash)
    {
        var folder = Directory.CreateTempSubdirectory("supervisor-cluster-");
        var journal = JournalSettings.Sqlite(Path.Combine(folder.FullName, "journal.db"));
        SqliteJournalFile.Prepare(journal.ConnectionString);
        // Nothing listens there: connections keep failing, and the state actor persists what it is sent all the same.
        var venue = new Uri($"ws://127.0.0.1:{FreePort.Next()}/perpum");
        var registry = new AccountRegistry(Enumerable.Range(1, AccountCount)
            .Select(i => new AccountDefinition($"sub-{i}", new CoinWProtocol(venue, new ApiCredentials("key", "secret")))));
        var entityIds = registry.Accounts.Select(a => AccountEnvelope.EntityIdFor(a.Venue, a.Id)).ToList();
        var ports = new[] { FreePort.Next(), FreePort.Next(), FreePort.Next() };
        var nodes = new List<ClusterNode>();
        var total = Stopwatch.StartNew();
        try
        {
            foreach (var port in ports)
            {
                nodes.Add(await ClusterNode.StartAsync(port, ports[0], journal, registry));
            }

            // Started by the extension at node start, not by a message: no account has been sent anything yet.
            var homes = await Eventually.Until(() => HomesAsync(nodes), h => EachOnExactlyOne(h, entityIds), Deadline,
                "every account running on exactly one node");
            output.WriteLine($"cluster up, {AccountCount} accounts running after {total.Elapsed.TotalSeconds:F1} s: " +
                string.Join(", ", nodes.Select(n => $"{n.Port}: {homes.Count(h => h.Value.Single() == n)}")));

            // Events go through node 0's region, so most envelopes cross the wire to the node that holds the account.
            // Questions go through a node that does not hold the account, so question and answer (AccountState,
            // AccountStatus, JournalLag) cross the wire too.
            var persisted = new Dictionary<string, AccountState>();
            foreach (var (account, i) in registry.Accounts.Select((a, i) => (a, i)))
            {
                var id = AccountEnvelope.EntityIdFor(account.Venue, account.Id);
                var elsewhere = nodes.First(n => n != homes[id].Single());
                var balance = new AssetBalanceChanged(account.Venue, "USDT", 100 + i + 0.000000000000000000001m, i, 0);
                nodes[0].Region.Tell(AccountEnvelope.For(account.Venue, account.Id, new VenueEventsReceived([balance]) { ReceivedAt = DateTimeOffset.Now }));
                // The event and the question take different paths, so the question may overtake it: ask until it shows.
                var state = await Eventually.Until(
                    () => elsewhere.Region.Ask<AccountState>(AccountEnvelope.For(account.Venue, account.Id, new GetAccountState()), TimeSpan.FromSeconds(3)),
                    s => s.Assets.TryGetValue("USDT", out var held) && held == balance, Deadline, $"{id} holding the balance sent through another node, asked through one that does not hold it");
                Assert.True(state.SequenceNr > 0, "the balance was not persisted");
                Assert.Equal(account.Id, state.AccountId);
                persisted[id] = state;
                var status = await elsewhere.Region.Ask<AccountStatus>(AccountEnvelope.For(account.Venue, account.Id, new GetAccountStatus()), TimeSpan.FromSeconds(3));
                Assert.Equal((account.Id, account.Venue), (status.AccountId, status.Venue));
                var lag = await elsewhere.Region.Ask<JournalLag>(AccountEnvelope.For(account.Venue, account.Id, new GetJournalLag()), TimeSpan.FromSeconds(3));
                Assert.Equal(account.Id, lag.AccountId);
                Assert.True(lag.Writes >= 1, $"{id}: the lag counts no write");
            }

            if (!crash)
            {
                return;
            }

            // The younger node holding more accounts (the oldest runs the shard coordinator: a second failure at once).
            var victim = nodes.Skip(1).OrderByDescending(n => homes.Count(h => h.Value.Single() == n)).First();
            var moved = homes.Where(h => h.Value.Single() == victim).Select(h => h.Key).ToList();
            Assert.True(moved.Count > 0, "the crashed node held no account, so nothing would move");
            var survivors = nodes.Where(n => n != victim).ToList();
            var clock = new Stopwatch();
            var unreachable = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var removed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var victimAddress = AkkaCluster.Get(victim.System).SelfAddress;
            survivors[0].System.ActorOf(Props.Create(() => new MemberEvents(victimAddress, clock, unreachable, removed)));

            clock.Start();
            await victim.CrashAsync();

            var after = await Eventually.Until(() => HomesAsync(survivors), h => EachOnExactlyOne(h, entityIds), Deadline,
                "every account running on exactly one survivor");
            var running = clock.Elapsed;
            Assert.All(moved, id => Assert.Contains(after[id].Single(), survivors));
            foreach (var id in moved)
            {
                var (accountVenue, accountId) = (id.Split('|')[0], id.Split('|')[1]);
                var asked = survivors.First(n => n != after[id].Single());
                var recovered = await Eventually.Until(
                    () => asked.Region.Ask<AccountState>(AccountEnvelope.For(accountVenue, accountId, new GetAccountState()), TimeSpan.FromSeconds(2)),
                    _ => true, Deadline, $"{id} answering after the crash");
                Assert.Equal(persisted[id].Assets["USDT"], recovered.Assets["USDT"]);
                Assert.Equal(persisted[id].SequenceNr, recovered.SequenceNr);
            }
            var answering = clock.Elapsed;

            // Unreachable first, then removed: the survivors saw a crash, not a leave.
            Assert.True(unreachable.Task.IsCompletedSuccessfully, "the crashed node was never unreachable: it left instead of dying");
            Assert.True(removed.Task.IsCompletedSuccessfully, "the crashed node was never removed");
            var (unreachableAfter, removedAfter) = (await unreachable.Task, await removed.Task);
            output.WriteLine($"crashed node {victim.Port} holding {moved.Count} accounts: unreachable after {unreachableAfter.TotalSeconds:F1} s, " +
                $"removed after {removedAfter.TotalSeconds:F1} s, all running on survivors after {running.TotalSeconds:F1} s, " +
                $"all answering with their persisted state after {answering.TotalSeconds:F1} s; test body {total.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
            folder.Delete(recursive: true);
        }
    }

    // Which nodes' regions hold each entity, asked of every node's own region (local, nothing crosses the wire).
    private static async Task<Homes> HomesAsync(IReadOnlyList<ClusterNode> nodes)
    {
        var homes = new Homes();
        foreach (var node in nodes)
        {
            var state = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(3));
            foreach (var id in state.Shards.SelectMany(s => s.EntityIds))
            {
                (homes.TryGetValue(id, out var list) ? list : homes[id] = []).Add(node);
            }
        }
        return homes;
    }

    // Entity id → the nodes whose region holds it; printed as "coinw|sub-1@4053 …" when a deadline passes.
    private sealed class Homes : Dictionary<string, List<ClusterNode>>
    {
        public Homes() : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() =>
            string.Join(" ", this.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}@{string.Join("+", h.Value.Select(n => n.Port))}"));
    }

    private static bool EachOnExactlyOne(Homes homes, IReadOnlyList<string> entityIds) =>
        homes.Count == entityIds.Count && entityIds.All(id => homes.TryGetValue(id, out var on) && on.Count == 1);
}
