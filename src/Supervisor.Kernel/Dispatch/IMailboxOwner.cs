using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Dispatch;

/// <summary>What the mailbox run loop calls back into; the mailbox knows nothing of supervision.</summary>
internal interface IMailboxOwner
{
    void InvokeSystem(SystemMessage message);

    void Invoke(in Envelope envelope);

    /// <summary>Called for messages left in a closed mailbox.</summary>
    void DeliverToDeadLetters(in Envelope envelope);

    /// <summary>Called for system messages that reach a closed mailbox.</summary>
    void SystemMessageAfterClose(SystemMessage message);
}
