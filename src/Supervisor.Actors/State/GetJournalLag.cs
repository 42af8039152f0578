namespace Supervisor.Actors.State;

/// <summary>Asks an account's state actor how far its journal trails the venue (<see cref="JournalLag"/>).</summary>
public sealed record GetJournalLag;
