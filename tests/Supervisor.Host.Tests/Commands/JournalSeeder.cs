using Akka.Actor;
using Akka.Persistence;

namespace Supervisor.Host.Tests.Commands;

/// <summary>
/// Writes given events under one persistence id through Akka.Persistence, so a test journal is exactly what the
/// product's actors write (same plugin, same serializer, same rows). Answers <see cref="Done"/> once they are stored.
/// </summary>
internal sealed class JournalSeeder : ReceivePersistentActor
{
    public JournalSeeder(string persistenceId)
    {
        PersistenceId = persistenceId;
        Command<IReadOnlyList<object>>(events =>
        {
            var replyTo = Sender;
            var left = events.Count;
            // One atomic write, as the state actor stores a frame's events.
            PersistAll(events, _ =>
            {
                if (--left == 0)
                {
                    replyTo.Tell(Akka.Done.Instance);
                }
            });
        });
    }

    public override string PersistenceId { get; }
}
