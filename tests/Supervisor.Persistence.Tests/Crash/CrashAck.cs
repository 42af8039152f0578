namespace Supervisor.Persistence.Tests.Crash;

/// <summary>One acknowledged frame as the crash writer printed it: the account, the frame's number and the sequence number it ends at.</summary>
public sealed record CrashAck(string PersistenceId, long Frame, long SequenceNr);
