using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests.Actor;

/// <summary>Thousands of actors, millions of messages: none lost, duplicated or reordered per sender.</summary>
public sealed class StressTests : TestKit.TestKit
{
    private const int Senders = 1_000;
    private const int Receivers = 1_000;
    private const int MessagesPerSender = 2_000;

    [Fact]
    public void Two_million_messages_between_two_thousand_actors_arrive_exactly_once_in_per_sender_order()
    {
        var receivers = new IActorRef[Receivers];
        for (var i = 0; i < Receivers; i++)
        {
            receivers[i] = ActorOf(Props.Create(() => new SequenceChecker(Senders)), $"receiver-{i}");
        }
        for (var s = 0; s < Senders; s++)
        {
            // The factory runs later, on the actor's turn: it must capture a copy, not the loop variable.
            var id = s;
            var sender = ActorOf(Props.Create(() => new SequenceSender(id, receivers, MessagesPerSender)), $"sender-{s}");
            sender.Tell("go");
        }
        // Each sender reports when done; then each receiver reports what it saw.
        ReceiveN(Senders, TimeSpan.FromSeconds(120));
        long total = 0;
        foreach (var receiver in receivers)
        {
            receiver.Tell("report");
        }
        for (var i = 0; i < Receivers; i++)
        {
            var report = ExpectMsg<Report>(TimeSpan.FromSeconds(30));
            Assert.True(report.OutOfOrder == 0, $"out of order: {report.OutOfOrder}, received {report.Received}, first: {report.First}");
            total += report.Received;
        }
        Assert.Equal((long)Senders * MessagesPerSender, total);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Report(long Received, long OutOfOrder, string? First);

    private sealed class SequenceSender : ReceiveActor
    {
        public SequenceSender(int id, IActorRef[] receivers, int count)
        {
            Receive<string>(_ =>
            {
                // Per receiver, this sender's sequence numbers must arrive as 0, 1, 2, ...
                var next = new int[receivers.Length];
                var random = new Random(id);
                for (var i = 0; i < count; i++)
                {
                    var target = random.Next(receivers.Length);
                    receivers[target].Tell(new Numbered(id, next[target]++), Self);
                }
                Sender.Tell("done", Self);
            });
        }
    }

    private sealed class SequenceChecker : ReceiveActor
    {
        public SequenceChecker(int senders)
        {
            var expected = new int[senders];
            long received = 0;
            long outOfOrder = 0;
            string? first = null;
            Receive<Numbered>(n =>
            {
                received++;
                if (n.Sequence != expected[n.Sender])
                {
                    outOfOrder++;
                    first ??= $"sender {n.Sender} expected {expected[n.Sender]} got {n.Sequence} at {received}";
                }
                expected[n.Sender] = n.Sequence + 1;
            });
            Receive<string>(_ => Sender.Tell(new Report(received, outOfOrder, first), Self));
        }
    }
}
