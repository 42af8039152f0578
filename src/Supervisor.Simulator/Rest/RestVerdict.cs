namespace Supervisor.Simulator.Rest;

/// <summary>What <see cref="RestGate"/> decided about one call.</summary>
internal enum RestVerdict
{
    Ok,
    MissingTimestamp,
    MissingSignature,
    UnknownKey,
    BadTimestamp,
    BadSignature,
    RateLimited,
}
