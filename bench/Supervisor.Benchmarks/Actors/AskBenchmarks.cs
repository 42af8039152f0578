using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Supervisor.Benchmarks.Actors;

/// <summary>Sequential request-response: Akka's Ask against a request channel whose server task completes a TaskCompletionSource per request.</summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    private const int Requests = 10_000;
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<(int Value, TaskCompletionSource<int> Reply)> _requests = null!;
    private Task _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        _echo = _system.ActorOf(Props.Create<EchoActor>());
        _requests = Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });
        _server = Task.Run(async () =>
        {
            await foreach (var (value, reply) in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                reply.SetResult(value);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requests.Writer.TryComplete();
        _server.Wait();
        _system.Terminate().Wait();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public async Task RawChannelRequestResponse()
    {
        for (var i = 0; i < Requests; i++)
        {
            var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Writer.TryWrite((i, reply));
            await reply.Task.ConfigureAwait(false);
        }
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task AkkaAsk()
    {
        for (var i = 0; i < Requests; i++)
        {
            await _echo.Ask<int>(i, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }
}
