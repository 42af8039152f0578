namespace Supervisor.Simulator;

/// <summary>Configuration of one simulator instance; immutable, validated by <see cref="SimulatorHost.StartAsync"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Address Kestrel binds to; port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>Accounts served; when empty, <see cref="GeneratedAccounts"/> accounts are generated from <see cref="Seed"/>.</summary>
    public IReadOnlyList<SimAccountConfig> Accounts { get; init; } = [];

    /// <summary>Number of accounts generated when <see cref="Accounts"/> is empty.</summary>
    public int GeneratedAccounts { get; init; } = 2;

    /// <summary>Seed of account generation and of every account's activity generator.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Interval of the live activity timer; null disables it (tests drive activity with Step).</summary>
    public TimeSpan? ActivityInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>CoinW closes a socket that sent no frame for this long (documented ≈60 s).</summary>
    public TimeSpan CoinWIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>ChainUP closes a socket that sent no ping for this long (documented 40 s).</summary>
    public TimeSpan ChainUpPingTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Cadence of ChainUP ADL_PRICE pushes while positions are open (documented 1 s).</summary>
    public TimeSpan AdlInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>REST requests allowed per account and window before the venue's rate-limit error.</summary>
    public int RestRequestsPerWindow { get; init; } = 100;

    /// <summary>Length of the REST rate-limit window.</summary>
    public TimeSpan RestWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock used for timeouts, cadences and timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
