using Akka.Event;
using Akka.TestKit;
using Supervisor.Actors.State;
using Supervisor.Simulator.Model;

namespace Supervisor.Host.Tests.Scenarios;

/// <summary>
/// A TestProbe on the actor system's event stream that collects the accounts whose persist failed, from the error
/// Akka.Persistence logs when a journal write fails (the persistent actor then stops).
/// </summary>
internal sealed class PersistFailures
{
    private readonly TestProbe _probe;
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public PersistFailures(ScenarioHarness harness)
    {
        _probe = harness.Kit.CreateTestProbe();
        harness.System.EventStream.Subscribe(_probe.Ref, typeof(Error));
    }

    /// <summary>The accounts seen failing so far.</summary>
    public IReadOnlyCollection<string> Failed => _failed;

    /// <summary>Waits for the next logged error (failing after <paramref name="timeout"/>) and records which account's persist it reports.</summary>
    public async Task ExpectNextAsync(IEnumerable<SimAccount> accounts, TimeSpan timeout)
    {
        var error = await _probe.ExpectMsgAsync<Error>(timeout);
        var text = error.ToString();
        if (!text.Contains("Failed to persist", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var account in accounts)
        {
            if (text.Contains(AccountStateActor.PersistenceIdFor(account.Venue, account.Id), StringComparison.Ordinal))
            {
                _failed.Add(account.Id);
            }
        }
    }
}
