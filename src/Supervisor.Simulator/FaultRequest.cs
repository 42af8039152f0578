namespace Supervisor.Simulator;

/// <summary>
/// The body of <c>POST /sim/faults</c>: what to do to one account (or all, when <see cref="AccountId"/> is null).
/// Actions: drop, stall, unstall, reject-auth, accept-auth, reject-subscriptions, accept-subscriptions, system-close,
/// malformed, pause, resume.
/// </summary>
public sealed record FaultRequest(string Action, string? AccountId = null);
