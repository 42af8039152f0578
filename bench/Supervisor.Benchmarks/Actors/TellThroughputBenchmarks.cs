using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Actors;

/// <summary>One sender, one receiver, N one-way messages: an Akka.NET mailbox against a raw unbounded channel with one reader task.</summary>
[MemoryDiagnoser]
public class TellThroughputBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Payload = new();
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public async Task RawChannel()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var reader = Task.Run(async () =>
        {
            var count = 0;
            while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out _))
                {
                    if (++count == Messages)
                    {
                        return;
                    }
                }
            }
        });
        for (var i = 0; i < Messages; i++)
        {
            channel.Writer.TryWrite(Payload);
        }
        await reader.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task AkkaTell()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system.ActorOf(Props.Create(() => new CountdownActor(Messages, done)));
        for (var i = 0; i < Messages; i++)
        {
            actor.Tell(Payload, ActorRefs.NoSender);
        }
        await done.Task.ConfigureAwait(false);
        _system.Stop(actor);
    }
}
