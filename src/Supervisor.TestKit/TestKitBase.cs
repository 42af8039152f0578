using System.Diagnostics;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Event;

namespace Supervisor.TestKit;

/// <summary>
/// Expectations over a test actor's inbox (Akka.TestKit's TestKitBase). Waits are real time, stretched by
/// <see cref="TestKitSettings.TimeFactor"/>; kernel timers run on the system's scheduler, which is virtual when
/// the system was created with a <see cref="TestScheduler"/>.
/// </summary>
public abstract partial class TestKitBase
{
    private static long s_probeNumber;
    private readonly MessageQueue _queue = new();
    private TimeSpan? _end;
    private bool _lastWasNoMsg;

    /// <summary>Binds to <paramref name="system"/> and creates this kit's test actor.</summary>
    protected TestKitBase(ActorSystem system, TestKitSettings? settings = null, string? testActorName = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        TestKitSettings = settings ?? TestKitSettings.Default;
        var name = testActorName ?? "testActor" + Interlocked.Increment(ref s_probeNumber);
        TestActor = system.SystemActorOf(Props.Create(() => new TestActor(_queue)), name);
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor whose inbox the expectations read; the implicit sender of tells from the test.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The timeouts.</summary>
    public TestKitSettings TestKitSettings { get; }

    /// <summary>Expectations over log events and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The sender of the last message received.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message received.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Messages received and not yet taken.</summary>
    public bool HasMessages => _queue.Count > 0;

    /// <summary>Creates a probe with its own inbox, sharing this system.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, TestKitSettings, (name ?? "testProbe") + Interlocked.Increment(ref s_probeNumber));

    /// <summary>Creates a top-level actor.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>
    /// Creates <paramref name="props"/> under a test-controlled parent (Akka's ChildActorOf): what the child sends its
    /// parent arrives at the test actor, with the child as sender. The parent applies <paramref name="strategy"/>
    /// (default: stop on any failure, which is logged and can be caught with <see cref="EventFilter"/>).
    /// </summary>
    public IActorRef ChildActorOf(Props props, string? name = null, SupervisorStrategy? strategy = null)
    {
        var parent = Sys.ActorOf(Props.Create(() => new TestParentActor(props, name, TestActor, strategy ?? SupervisorStrategy.StoppingStrategy)));
        return parent.Ask<IActorRef>(new TestParentActor.GetChild(), Dilated(TestKitSettings.DefaultTimeout)).GetAwaiter().GetResult();
    }

    /// <summary>Makes the test actor watch <paramref name="actor"/>; then use <see cref="ExpectTerminated"/>.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        TestActor.Tell(new TestActorWatch(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        TestActor.Tell(new TestActorUnwatch(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>Lets <paramref name="pilot"/> answer what the test actor receives.</summary>
    public void SetAutoPilot(AutoPilot pilot) => TestActor.Tell(new TestActorSetAutoPilot(pilot), ActorRefs.NoSender);

    /// <summary>Drops messages of type <typeparamref name="T"/> that match <paramref name="predicate"/> (all of them if null).</summary>
    public void IgnoreMessages<T>(Func<T, bool>? predicate = null) =>
        TestActor.Tell(new TestActorSetIgnore(m => m is T typed && (predicate is null || predicate(typed))), ActorRefs.NoSender);

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => TestActor.Tell(new TestActorSetIgnore(null), ActorRefs.NoSender);

    /// <summary><paramref name="duration"/> stretched by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TimeFactor));

    /// <summary>Time left in the innermost <c>Within</c>.</summary>
    /// <exception cref="InvalidOperationException">Not inside <c>Within</c>.</exception>
    public TimeSpan Remaining => _end is { } end
        ? Max(end - Now, TimeSpan.Zero)
        : throw new InvalidOperationException("Remaining is only defined inside Within.");

    /// <summary>Time left in the innermost <c>Within</c>, or the single-expect default outside one.</summary>
    public TimeSpan RemainingOrDefault => _end is { } end ? Max(end - Now, TimeSpan.Zero) : Dilated(TestKitSettings.SingleExpectDefault);

    /// <summary>Monotonic real time.</summary>
    protected static TimeSpan Now => Stopwatch.GetElapsedTime(0);

    internal MessageQueue Queue => _queue;

    internal LogFilters LogFilters => Sys.LogFilters;

    private TimeSpan RemainingOrDilated(TimeSpan? duration) => duration is { } d ? Dilated(d) : RemainingOrDefault;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Record(MessageEnvelope envelope)
    {
        LastMessage = envelope.Message;
        LastSender = envelope.Sender;
    }
}
