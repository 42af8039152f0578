using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Actors;

/// <summary>
/// Spawn an actor, have it process one message, stop it and wait for the confirmation; against creating a channel
/// with a reader task, writing one item, completing it and awaiting the reader.
/// </summary>
[MemoryDiagnoser]
public class SpawnStopBenchmarks
{
    private const int Actors = 10_000;
    private ActorSystem _system = null!;
    private Props _props = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        _props = Props.Create<EchoActor>();
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors)]
    public Task RawChannelLifecycles()
    {
        var readers = new Task[Actors];
        for (var i = 0; i < Actors; i++)
        {
            var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            readers[i] = Task.Run(async () =>
            {
                await foreach (var _ in channel.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                }
            });
            channel.Writer.TryWrite("hello");
            channel.Writer.TryComplete();
        }
        return Task.WhenAll(readers);
    }

    [Benchmark(OperationsPerInvoke = Actors)]
    public Task AkkaLifecycles()
    {
        var stops = new Task<bool>[Actors];
        for (var i = 0; i < Actors; i++)
        {
            var actor = _system.ActorOf(_props);
            actor.Tell("hello", ActorRefs.NoSender);
            stops[i] = actor.GracefulStop(TimeSpan.FromSeconds(30));
        }
        return Task.WhenAll(stops);
    }
}
