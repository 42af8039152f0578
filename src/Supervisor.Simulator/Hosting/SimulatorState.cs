using System.Collections.Concurrent;
using Supervisor.Simulator.Faults;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Hosting;

/// <summary>Shared state of one simulator: accounts, faults, live sessions and REST rate-limit windows.</summary>
internal sealed class SimulatorState
{
    private readonly ConcurrentDictionary<SimSession, byte> _sessions = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new();

    public SimulatorState(SimulatorOptions options, IReadOnlyList<SimAccount> accounts)
    {
        Options = options;
        Accounts = accounts;
        Faults = accounts.ToDictionary(a => a.Config.Id, _ => new SimFaults());
    }

    public SimulatorOptions Options { get; }
    public IReadOnlyList<SimAccount> Accounts { get; }
    public IReadOnlyDictionary<string, SimFaults> Faults { get; }

    public SimFaults FaultsOf(string id) => Faults[id];
    public void Register(SimSession s) => _sessions[s] = 0;
    public void Unregister(SimSession s) => _sessions.TryRemove(s, out _);

    public SimAccount? ByKey(SimVenue venue, string? key)
        => Accounts.FirstOrDefault(a => a.Config.Venue == venue && key is not null && (a.Config.ApiKey == key || a.Config.Token == key));

    public void Inject(string? accountId, FaultKind kind, TimeSpan delay)
    {
        foreach (var account in Accounts)
        {
            if (accountId is not null && account.Config.Id != accountId) continue;
            var f = Faults[account.Config.Id];
            switch (kind)
            {
                case FaultKind.Stall: f.Stall = true; break;
                case FaultKind.RejectAuth: f.RejectAuth = true; break;
                case FaultKind.RejectSubscriptions: f.RejectSubscriptions = true; break;
                case FaultKind.Delay: f.FrameDelay = delay; break;
                case FaultKind.PauseActivity: account.Paused = true; break;
                case FaultKind.Clear: f.Clear(); account.Paused = false; break;
                default:
                    foreach (var s in _sessions.Keys)
                        if (s.Belongs(account.Config.Id)) s.Inject(kind);
                    break;
            }
        }
    }

    /// <summary>Counts a REST call against the account's window; false when over the limit.</summary>
    public bool TryConsume(string key)
    {
        var now = Options.Time.GetUtcNow();
        var w = _windows.AddOrUpdate(key, _ => (now, 1),
            (_, old) => now - old.Start >= Options.RestWindow ? (now, 1) : (old.Start, old.Count + 1));
        return w.Count <= Options.RestRequestsPerWindow;
    }
}
