using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Actors;

/// <summary>
/// Round trips between pairs: Akka.NET actor pairs bouncing a counter against task pairs bouncing it over two raw
/// channels. Pairs = 1 measures latency; many pairs measure throughput with both cores busy.
/// </summary>
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    private const int RoundTrips = 100_000;
    private ActorSystem _system = null!;

    [Params(1, 64)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(Baseline = true)]
    public Task RawChannelPairs()
    {
        var pairs = new Task[Pairs];
        var perPair = RoundTrips / Pairs;
        for (var p = 0; p < Pairs; p++)
        {
            var ping = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var pong = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var echo = Bounce(ping.Reader, pong.Writer);
            var origin = Bounce(pong.Reader, ping.Writer);
            ping.Writer.TryWrite(perPair * 2);
            pairs[p] = Task.WhenAll(echo, origin);
        }
        return Task.WhenAll(pairs);
    }

    [Benchmark]
    public async Task AkkaPairs()
    {
        var pairs = new Task[Pairs];
        var actors = new List<IActorRef>(Pairs * 2);
        var perPair = RoundTrips / Pairs;
        for (var p = 0; p < Pairs; p++)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = _system.ActorOf(Props.Create(() => new PingPongActor(done)));
            var b = _system.ActorOf(Props.Create(() => new PingPongActor(done)));
            actors.Add(a);
            actors.Add(b);
            a.Tell(new Ball(perPair * 2), b);
            pairs[p] = done.Task;
        }
        await Task.WhenAll(pairs).ConfigureAwait(false);
        foreach (var actor in actors)
        {
            _system.Stop(actor);
        }
    }

    private static Task Bounce(ChannelReader<int> input, ChannelWriter<int> output) => Task.Run(async () =>
    {
        while (await input.WaitToReadAsync().ConfigureAwait(false))
        {
            while (input.TryRead(out var remaining))
            {
                if (remaining == 0)
                {
                    output.TryWrite(0);
                    output.TryComplete();
                    return;
                }
                output.TryWrite(remaining - 1);
            }
        }
    });
}
