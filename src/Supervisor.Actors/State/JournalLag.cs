namespace Supervisor.Actors.State;

/// <summary>
/// Time from a frame's arrival at the connection to its events being acknowledged by the journal: the age of the
/// oldest event that was not yet persisted when its write completed. Frames held back by a reconciliation count too.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="Last">The lag of the latest write (zero before any).</param>
/// <param name="Max">The largest lag since the state actor started.</param>
/// <param name="Writes">Writes measured.</param>
public sealed record JournalLag(string AccountId, TimeSpan Last, TimeSpan Max, long Writes);
