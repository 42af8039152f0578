using Supervisor.Simulator.Model;

namespace Supervisor.Simulator;

/// <summary>What the simulator serves and how its activity runs.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The accounts.</summary>
    public required IReadOnlyList<SimAccount> Accounts { get; init; }

    /// <summary>The seed of every account's activity.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Time between activity steps of every account; null for no timer (tests call <see cref="SimulatorHost.Step"/>).</summary>
    public TimeSpan? TickInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Start with activity paused (the demo resumes it once every account is subscribed).</summary>
    public bool StartPaused { get; init; }

    /// <summary>Where to listen; port 0 picks a free one.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>CoinW closes sockets that sent nothing for this long.</summary>
    public TimeSpan CoinWIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>ChainUP closes sockets that sent no ping for this long.</summary>
    public TimeSpan ChainUpPingTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>REST calls one API key may make per second before the venue's rate-limit answer (CoinW positions: 30 / 1 s).</summary>
    public int RestRequestsPerSecond { get; init; } = 30;

    /// <summary>How far a signed REST timestamp may be from the simulator's clock; null accepts any (tests on virtual time).</summary>
    public TimeSpan? RestTimestampTolerance { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The simulator's clock: activity ticks, idle and ping timeouts, ADL_PRICE and mark-price cadences, server pings,
    /// frame delays, REST timestamp checks and rate-limit windows all run on it, so tests can drive them with a manual clock.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>CoinW's mark_price cadence (coinw.md: every 240–300 ms).</summary>
    public TimeSpan CoinWMarkInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>ChainUP's mark_price cadence on the public socket (chainup.md: about once a second).</summary>
    public TimeSpan ChainUpMarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the ChainUP public socket pings its clients (chainup.md §3: every 10 s).</summary>
    public TimeSpan ChainUpPublicPingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest client frame a socket reads; a larger one is answered with close 1009 (client commands are tiny).</summary>
    public int MaxClientFrameBytes { get; init; } = 64 * 1024;

    /// <summary>Creates <paramref name="count"/> accounts alternating between CoinW and the ChainUP tenant coinlocally.</summary>
    public static IReadOnlyList<SimAccount> GenerateAccounts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => i % 2 == 1
            ? new SimAccount($"cw{i:D4}", "coinw", $"cw-key-{i}", $"cw-secret-{i}")
            : new SimAccount($"cl{i:D4}", "coinlocally", $"cl-key-{i}", $"cl-secret-{i}"))];
}
