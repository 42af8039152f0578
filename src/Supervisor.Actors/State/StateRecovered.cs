namespace Supervisor.Actors.State;

/// <summary>
/// From a state actor to its account (through its backoff supervisor) after every recovery: a state actor that was
/// stopped by a journal failure and re-created knows nothing of the connection, so the account answers with the
/// current <see cref="Connection.ConnectionStatusChanged"/> — if the connection is live, the state reconciles and so
/// recovers the pushes that reached nobody while it was down.
/// </summary>
public sealed record StateRecovered(string AccountId, long SequenceNr);
