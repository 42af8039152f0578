namespace Supervisor.Persistence.Tests.Crash;

/// <summary>A journal row of the crash writer, decoded: its frame number (Available) and that frame's size (Frozen).</summary>
public sealed record CrashRow(string PersistenceId, long SequenceNr, long Frame, long FrameSize);
