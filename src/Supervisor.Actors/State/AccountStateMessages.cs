namespace Supervisor.Actors.State;

/// <summary>Asks an account's state actor for its <see cref="AccountState"/>.</summary>
public sealed record GetAccountState;

/// <summary>Published on the event stream after an account's state changed (persisted events, or marks and status).</summary>
public sealed record AccountStateChanged(AccountState State);
