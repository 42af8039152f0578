namespace Supervisor.Kernel.Persistence.Journal;

/// <summary>What a test journal does with the next calls.</summary>
public enum JournalMode
{
    /// <summary>Work normally.</summary>
    Pass,

    /// <summary>Fail as a storage error would (the persistent actor stops).</summary>
    Fail,

    /// <summary>Reject every write (the persistent actor goes on); replays ignore it.</summary>
    Reject,
}
