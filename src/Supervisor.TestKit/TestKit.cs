using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;
using Xunit.Abstractions;

namespace Supervisor.TestKit;

/// <summary>
/// The xunit base class (Akka.TestKit.Xunit2's TestKit): one actor system per test, shut down on dispose; the
/// test actor is the implicit sender of tells from the test body.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable
{
    private readonly ILoggerFactory? _loggerFactory;
    private bool _disposed;

    /// <summary>Creates a system with <paramref name="setup"/> (see <see cref="VirtualTime"/>), logging to <paramref name="output"/>.</summary>
    protected TestKit(ActorSystemSetup? setup = null, string? actorSystemName = null, ITestOutputHelper? output = null)
        : this(CreateSystem(setup, actorSystemName, output, out var loggerFactory), loggerFactory)
    {
    }

    private TestKit(ActorSystem system, ILoggerFactory? loggerFactory)
        : base(system)
    {
        _loggerFactory = loggerFactory;
        ImplicitSender.Current = TestActor;
    }

    /// <summary>A setup on a fresh <see cref="TestScheduler"/>: timers, backoff and ask timeouts run on virtual time.</summary>
    public static ActorSystemSetup VirtualTime() => ActorSystemSetup.Default.WithScheduler(new TestScheduler());

    /// <summary>The virtual clock.</summary>
    /// <exception cref="InvalidOperationException">The system was not created with <see cref="VirtualTime"/>.</exception>
    public TestScheduler Scheduler => Sys.Scheduler as TestScheduler
        ?? throw new InvalidOperationException("This test kit runs on real time; pass TestKit.VirtualTime() to the constructor.");

    /// <summary>Shuts the system down.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Clean-up hook run before the system shuts down.</summary>
    protected virtual void AfterAll()
    {
    }

    /// <summary>Shuts the system down.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }
        _disposed = true;
        AfterAll();
        if (!Sys.Terminate().Wait(Dilated(TestKitSettings.DefaultTimeout)))
        {
            throw new TimeoutException($"{Sys} did not terminate within {TestKitSettings.DefaultTimeout}");
        }
        _loggerFactory?.Dispose();
    }

    private static ActorSystem CreateSystem(ActorSystemSetup? setup, string? name, ITestOutputHelper? output, out ILoggerFactory? loggerFactory)
    {
        setup ??= ActorSystemSetup.Default;
        loggerFactory = null;
        if (output is not null && setup.LoggerFactory is null)
        {
            loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Information)).SetMinimumLevel(LogLevel.Trace));
            setup = setup.WithLoggerFactory(loggerFactory);
        }
        return ActorSystem.Create(name ?? "test", setup);
    }
}
