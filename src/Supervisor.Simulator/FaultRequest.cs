namespace Supervisor.Simulator;

/// <summary>
/// The body of <c>POST /sim/faults</c>: what to do to one account (or all, when <see cref="AccountId"/> is null).
/// Actions: drop, stall, unstall, reject-auth, accept-auth, reject-subscriptions, accept-subscriptions, system-close,
/// rate-limit-rest, allow-rest, malformed, pause, resume (one account, or the activity timer of all when no account
/// is named), delay (hold every outgoing frame <see cref="Milliseconds"/>; 0 ends it), no-delay, oversized (a frame
/// of <see cref="Bytes"/> bytes, default 2 MiB), gzip-bomb (a binary gzip frame inflating to <see cref="Bytes"/>,
/// default 20 MiB).
/// </summary>
public sealed record FaultRequest(string Action, string? AccountId = null, int? Milliseconds = null, int? Bytes = null);
