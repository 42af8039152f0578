namespace Supervisor.Simulator.Model;

/// <summary>
/// One venue's mark prices: a seeded random walk per instrument that takes one step per <c>cadence</c> of the
/// simulator's clock. The mark at a moment depends only on the seed and how many cadences have passed since the start,
/// not on when anyone asked or how timer ticks were coalesced, so a virtual clock gives the same marks every run.
/// </summary>
public sealed class MarkPriceFeed
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly MarkPriceWalk[] _walks;
    private long _steps;

    internal MarkPriceFeed(string venue, int seed, TimeSpan cadence, TimeProvider clock)
    {
        Venue = venue;
        Cadence = cadence;
        _clock = clock;
        _start = clock.GetTimestamp();
        _walks = [.. Instrument.All.Select(i => new MarkPriceWalk(i, new Random(StableHash.Of(seed, venue + "/" + i.Base))))];
    }

    /// <summary>The venue ("coinw" or "chainup").</summary>
    public string Venue { get; }

    /// <summary>How often the marks step (and the venue pushes them).</summary>
    public TimeSpan Cadence { get; }

    /// <summary>Raised once per cadence tick of the simulator's clock, after the marks stepped (the venues push then).</summary>
    internal event Action? Ticked;

    /// <summary>Ticks until cancelled.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Cadence, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Ticked?.Invoke();
            }
        }
        catch (OperationCanceledException)
        {
            // The simulator stopped.
        }
    }

    /// <summary>The current mark of one instrument (base, contract name or symbol token).</summary>
    public decimal Current(string instrument)
    {
        var wanted = Instrument.Find(instrument) ?? throw new ArgumentException($"no instrument '{instrument}'", nameof(instrument));
        var index = Array.FindIndex(_walks, w => w.Instrument == wanted);
        lock (_lock)
        {
            CatchUp();
            return _walks[index].Price;
        }
    }

    /// <summary>Every instrument's current mark, by base currency.</summary>
    public IReadOnlyDictionary<string, decimal> All()
    {
        lock (_lock)
        {
            CatchUp();
            return _walks.ToDictionary(w => w.Instrument.Base, w => w.Price, StringComparer.Ordinal);
        }
    }

    private void CatchUp()
    {
        var due = (long)(_clock.GetElapsedTime(_start).Ticks / Cadence.Ticks);
        for (; _steps < due; _steps++)
        {
            foreach (var walk in _walks)
            {
                walk.Step();
            }
        }
    }
}
