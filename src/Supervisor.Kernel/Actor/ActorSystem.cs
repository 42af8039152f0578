using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Supervisor.Kernel.Dispatch;
using Supervisor.Kernel.Event;

namespace Supervisor.Kernel.Actor;

/// <summary>
/// A tree of actors with its scheduler, event stream and dead letters. Top-level actors live under
/// <c>/user</c>; the kernel's own (test actors, temporary refs) under <c>/system</c>.
/// </summary>
public sealed partial class ActorSystem : IActorRefFactory, IDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ownsScheduler;
    private readonly RootGuardianRef _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private long _tempNumber;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSetup setup)
    {
        Name = name;
        Settings = setup;
        _ownsScheduler = setup.Scheduler is null;
        Scheduler = setup.Scheduler ?? new TimeProviderScheduler();
        LoggerFactory = setup.LoggerFactory ?? NullLoggerFactory.Instance;
        var rootPath = ActorPath.CreateRoot(name);
        Log = CreateActorLogger(rootPath.ToString(), typeof(ActorSystem));
        DeadLettersRef = new DeadLetterActorRef(this, rootPath / "deadLetters", CreateActorLogger((rootPath / "deadLetters").ToString(), typeof(DeadLetter)));
        _root = new RootGuardianRef(this, rootPath);
        _userGuardian = CreateGuardian(rootPath / "user", setup.GuardianSupervisorStrategy ?? SupervisorStrategy.DefaultStrategy);
        _systemGuardian = CreateGuardian(rootPath / "system", SupervisorStrategy.DefaultStrategy);
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The settings it was created with.</summary>
    public ActorSystemSetup Settings { get; }

    /// <summary>The scheduler all kernel time goes through.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Publish-subscribe for system-wide events (dead letters, logs, the application's own).</summary>
    public EventStream EventStream { get; } = new();

    /// <summary>Mute filters over actor logs (used by the TestKit's EventFilter).</summary>
    public LogFilters LogFilters { get; } = new();

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters => DeadLettersRef;

    /// <summary>The system's own logger.</summary>
    public ILogger Log { get; }

    /// <summary>The logger factory actors log to.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Completes when the system has terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal InternalActorRef DeadLettersRef { get; }

    /// <summary>Creates and starts an actor system.</summary>
    /// <param name="name">ASCII letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="setup">Settings; null for <see cref="ActorSystemSetup.Default"/>.</param>
    public static ActorSystem Create(string name, ActorSystemSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Invalid actor system name [{name}]: use ASCII letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }
        setup ??= ActorSystemSetup.Default;
        setup.Validate();
        return new ActorSystem(name, setup);
    }

    /// <summary>Creates and starts an actor system configured in HOCON (the <c>kernel</c> section; reference defaults below it).</summary>
    /// <exception cref="Configuration.HoconException">The configuration does not resolve or a setting has the wrong type.</exception>
    public static ActorSystem Create(string name, Configuration.Config config) => Create(name, ActorSystemSetup.FromConfig(config));

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _userGuardian.ActorOf(props, name);
    }

    /// <summary>Creates a kernel-internal actor under <c>/system</c>.</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return _systemGuardian.ActorOf(props, name);
    }

    /// <summary>Stops an actor asynchronously.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        (actor as InternalActorRef)?.Stop();
    }

    /// <summary>Stops every actor (top-level ones and their children, then the kernel's own) and the scheduler.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _userGuardian.SelfRef.Stop();
        }
        return WhenTerminated;
    }

    /// <summary>Terminates and waits up to 10 seconds for it.</summary>
    public void Dispose() => Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    internal ILogger CreateActorLogger(string logSource, Type logClass) =>
        new ActorLogger(this, logSource, logClass, LoggerFactory.CreateLogger(logClass.FullName ?? logClass.Name));

    internal ActorPath TempPath() => _root.Path / "temp" / ("$" + ActorNames.Encode(Interlocked.Increment(ref _tempNumber)));

    internal void GuardianStopped(IActorRef guardian)
    {
        if (ReferenceEquals(guardian, _userGuardian.SelfRef))
        {
            Interlocked.Exchange(ref _terminating, 1);
            _systemGuardian.SelfRef.Stop();
        }
        else if (ReferenceEquals(guardian, _systemGuardian.SelfRef))
        {
            if (_ownsScheduler && Scheduler is IDisposable disposable)
            {
                disposable.Dispose();
            }
            _terminated.TrySetResult();
        }
    }

    private ActorCell CreateGuardian(ActorPath path, SupervisorStrategy strategy)
    {
        var props = Props.Create<GuardianActor>().WithSupervisorStrategy(strategy);
        var cell = new ActorCell(this, path, props, _root, new Mailbox(Settings.Throughput));
        cell.SelfRef.SendSystemMessage(Dispatch.Create.Instance);
        return cell;
    }

    private void ThrowIfTerminating()
    {
        if (Volatile.Read(ref _terminating) != 0)
        {
            throw new InvalidOperationException($"{this} is terminating; no new actors can be created.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex ValidName();
}
