using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests;

/// <summary>Replies every message to its sender.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message to a probe, throws on "fail" / an exception message, and reports lifecycle hooks.</summary>
internal sealed class ReportingActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private int _count;

    public ReportingActor(IActorRef probe)
    {
        _probe = probe;
        Receive<Exception>(e => throw e);
        Receive<string>(s => s == "count", _ => _probe.Tell(_count, Self));
        Receive<string>(s => s.StartsWith("spawn:", StringComparison.Ordinal), s => Context.ActorOf(Props.Create(() => new ReportingActor(_probe)), s[6..]));
        ReceiveAny(m =>
        {
            _count++;
            _probe.Tell(m, Self);
        });
    }

    protected override void PreStart() => _probe.Tell($"prestart:{Self.Path.Name}", Self);

    protected override void PostStop() => _probe.Tell($"poststop:{Self.Path.Name}", Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"prerestart:{Self.Path.Name}:{message}", Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"postrestart:{Self.Path.Name}", Self);
        base.PostRestart(reason);
    }
}

/// <summary>A parent with an explicit strategy that creates children on request and forwards to them.</summary>
internal sealed class SupervisingActor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public SupervisingActor(SupervisorStrategy strategy, IActorRef probe)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p), Self));
        Receive<(string Name, Props Props)>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
        Receive<Exception>(e => throw e);
        ReceiveAny(m => probe.Tell(m, Self));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

/// <summary>Test failure with a recognisable type.</summary>
internal sealed class TestFailure(string message) : Exception(message);
