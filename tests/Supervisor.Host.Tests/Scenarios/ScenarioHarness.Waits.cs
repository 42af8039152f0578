using Akka.Actor;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.State;
using Supervisor.Host.Demo;
using Supervisor.Simulator.Model;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>Waiting for what the supervisor reports: real-time waits go through the TestKit's <c>AwaitAssertAsync</c>.</summary>
internal sealed partial class ScenarioHarness
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async Task<IReadOnlyList<AccountStatus>> StatusesAsync() =>
        (await Root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(10))).Accounts;

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for a report of every account: one whose entity has not started yet
    /// is in no report, and a condition over the others alone (every account live) would hold too early.
    /// </summary>
    public Task AwaitAsync(Func<IReadOnlyList<AccountStatus>, bool> condition, string what, TimeSpan? timeout = null) =>
        Kit.AwaitAssertAsync(async () =>
        {
            var statuses = await StatusesAsync();
            Assert.True(statuses.Count == Accounts.Count && condition(statuses), $"waiting for {what}: {statuses.Count} of {Accounts.Count} accounts report: {Describe(statuses)}");
        }, timeout ?? DefaultWait, Poll);

    public Task<AccountState> StateAsync(SimAccount account) =>
        Root.Ask<AccountState>(new ForAccount(account.Venue, account.Id, new GetAccountState()), TimeSpan.FromSeconds(10));

    /// <summary>Waits until every account's state satisfies <paramref name="condition"/>.</summary>
    public Task AwaitStatesAsync(Func<AccountState, bool> condition, string what) =>
        Kit.AwaitAssertAsync(async () =>
        {
            var states = await Task.WhenAll(Accounts.Select(StateAsync));
            Assert.True(states.All(condition), $"waiting for {what}: {string.Join("; ", states.Select(s => $"{s.AccountId} {s.Connection} {s.Reconciliation}"))}");
        }, DefaultWait, Poll);

    public Task AwaitConditionAsync(Func<Task<bool>> condition, string what) =>
        Kit.AwaitAssertAsync(async () => Assert.True(await condition(), $"waiting for {what}"), DefaultWait, Poll);

    public Task AwaitAllLiveAsync() => AwaitAsync(s => s.All(a => a.Connection == ConnectionStatus.Live), "every account live");

    /// <summary>Steps the simulator, then waits until every account's state equals the ground truth.</summary>
    public async Task StepAndAwaitTruthAsync(int steps, bool continuous = false)
    {
        for (var i = 0; i < steps; i++)
        {
            Simulator.Step();
        }
        await AwaitTruthAsync(continuous: continuous);
    }

    /// <summary>
    /// Waits until the accounts equal the truth (DemoComparison); <paramref name="continuous"/> when their streams had
    /// no gap (fills and ChainUP trigger orders compared too).
    /// </summary>
    public Task AwaitTruthAsync(IEnumerable<SimAccount>? only = null, bool continuous = false, TimeSpan? timeout = null) =>
        Kit.AwaitAssertAsync(async () =>
        {
            var differences = new List<string>();
            foreach (var account in only ?? Accounts)
            {
                AccountState state;
                try
                {
                    state = await Root.Ask<AccountState>(new ForAccount(account.Venue, account.Id, new GetAccountState()), TimeSpan.FromSeconds(1));
                }
                catch (AskTimeoutException)
                {
                    // A state actor between a journal failure and its backoff restart: the question went to dead letters.
                    differences.Add($"{account.Id}: no state actor answered");
                    continue;
                }
                differences.AddRange(DemoComparison.Differences(Simulator.Truth(account.Id), state, continuous).Select(d => $"{account.Id}: {d}"));
            }
            Assert.True(differences.Count == 0, "state differs from the ground truth: " + string.Join("; ", differences.Take(10)));
        }, timeout ?? DefaultWait, TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// Moves the virtual clock in <paramref name="step"/>s (never more than the shortest periodic timer that must keep
    /// firing, since a periodic timer fires once per advance), letting the real sockets and actors settle after each,
    /// until <paramref name="condition"/> holds; returns the virtual time it took.
    /// </summary>
    public async Task<TimeSpan> AdvanceUntilAsync(Func<IReadOnlyList<AccountStatus>, bool> condition, TimeSpan step, TimeSpan max, string what)
    {
        var elapsed = TimeSpan.Zero;
        while (true)
        {
            // Real time for the sockets, the simulator and the mailboxes to catch up with the last step, and for the
            // actors to arm the timers the next advance is meant to fire: the condition is polled until then.
            var settle = DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
            do
            {
                if (await StatusesAsync() is var statuses && statuses.Count == Accounts.Count && condition(statuses))
                {
                    return elapsed;
                }
                await Task.Delay(10);
            }
            while (DateTime.UtcNow < settle);
            if (elapsed >= max)
            {
                throw new TimeoutException($"{what} did not happen within {max} of virtual time: {Describe(await StatusesAsync())}");
            }
            Scheduler.Advance(step);
            elapsed += step;
        }
    }

    private static string Describe(IReadOnlyList<AccountStatus> statuses) =>
        string.Join("; ", statuses.Select(s => $"{s.AccountId} {s.Connection} r{s.Reconnects}"));
}
