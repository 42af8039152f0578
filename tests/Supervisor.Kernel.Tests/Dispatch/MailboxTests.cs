using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Tests.Dispatch;

public sealed class MailboxTests
{
    [Fact]
    public void System_messages_run_before_user_messages_queued_earlier()
    {
        using var gate = new ManualResetEventSlim();
        var owner = new RecordingOwner(gate);
        var mailbox = new Mailbox(throughput: 30);
        mailbox.SetOwner(owner);
        mailbox.Post(new Envelope("first", null));
        Assert.True(owner.Blocked.Wait(TimeSpan.FromSeconds(5)));
        // While "first" is being processed: two user messages, then a system message.
        mailbox.Post(new Envelope("second", null));
        mailbox.Post(new Envelope("third", null));
        mailbox.PostSystem(Suspend.Instance);
        gate.Set();
        Assert.True(owner.Done.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal(["user:first", "system:Suspend", "user:second", "user:third"], owner.Log);
    }

    [Fact]
    public void Posts_after_close_go_to_dead_letters()
    {
        var owner = new RecordingOwner(gate: null);
        var mailbox = new Mailbox(throughput: 1);
        mailbox.SetOwner(owner);
        mailbox.Close();
        mailbox.Post(new Envelope("late", null));
        Assert.Equal(["dead:late"], owner.Log);
    }

    private sealed class RecordingOwner(ManualResetEventSlim? gate) : IMailboxOwner
    {
        private readonly Lock _lock = new();

        public List<string> Log { get; } = [];

        public ManualResetEventSlim Blocked { get; } = new();

        public ManualResetEventSlim Done { get; } = new();

        public void Invoke(in Envelope envelope)
        {
            Add("user:" + envelope.Message);
            if (envelope.Message is "first" && gate is not null)
            {
                Blocked.Set();
                gate.Wait(TimeSpan.FromSeconds(5));
            }
            if (envelope.Message is "third")
            {
                Done.Set();
            }
        }

        public void InvokeSystem(SystemMessage message)
        {
            Add("system:" + message.GetType().Name);
            // The test's Suspend must not actually hold the queue; only its position matters here.
        }

        public void DeliverToDeadLetters(in Envelope envelope) => Add("dead:" + envelope.Message);

        public void SystemMessageAfterClose(SystemMessage message) => Add("closed:" + message.GetType().Name);

        private void Add(string entry)
        {
            lock (_lock)
            {
                Log.Add(entry);
            }
        }
    }
}
