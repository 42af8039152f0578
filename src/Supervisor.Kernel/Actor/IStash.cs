namespace Supervisor.Kernel.Actor;

/// <summary>
/// Messages set aside for later. On restart the stash goes back to the front of the mailbox; on stop it goes to
/// dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the current message.</summary>
    /// <exception cref="IllegalActorStateException">The current message was already stashed.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages at the front of the mailbox, in order.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages that match at the front of the mailbox, in order; drops the rest.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IEnumerable<Envelope> ClearStash();

    /// <summary>Adds envelopes before the stashed ones.</summary>
    void Prepend(IEnumerable<Envelope> envelopes);
}
