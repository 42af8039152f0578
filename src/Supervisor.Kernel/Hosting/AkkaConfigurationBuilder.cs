using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Persistence;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Kernel.Hosting;

/// <summary>Collects the system's settings and the actors to start with the host (Akka.Hosting's builder).</summary>
public sealed class AkkaConfigurationBuilder
{
    private readonly List<Func<ActorSystem, IActorRegistry, IServiceProvider, Task>> _starters = [];

    internal AkkaConfigurationBuilder(string actorSystemName)
    {
        ActorSystemName = actorSystemName;
    }

    /// <summary>The system's name.</summary>
    public string ActorSystemName { get; }

    /// <summary>The system's settings; the host's logger factory is added unless one is set.</summary>
    public ActorSystemSetup Setup { get; private set; } = ActorSystemSetup.Default;

    internal IReadOnlyList<Func<ActorSystem, IActorRegistry, IServiceProvider, Task>> Starters => _starters;

    /// <summary>Replaces the settings.</summary>
    public AkkaConfigurationBuilder WithSetup(Func<ActorSystemSetup, ActorSystemSetup> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Setup = configure(Setup);
        return this;
    }

    /// <summary>Sets the default ask timeout.</summary>
    public AkkaConfigurationBuilder WithActorAskTimeout(TimeSpan timeout) => WithSetup(s => s with { AskTimeout = timeout });

    /// <summary>Uses <paramref name="journal"/> (and optionally <paramref name="snapshotStore"/>) for persistent actors.</summary>
    public AkkaConfigurationBuilder WithJournal(AsyncWriteJournal journal, SnapshotStore? snapshotStore = null, PersistenceSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        // Runs first: persistent actors started by WithActors need the journal in place.
        _starters.Insert(0, (system, _, _) =>
        {
            var persistence = Persistence.Persistence.For(system).UseJournal(journal);
            if (snapshotStore is not null)
            {
                persistence.UseSnapshotStore(snapshotStore);
            }
            if (settings is not null)
            {
                persistence.UseSettings(settings);
            }
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Starts actors when the host starts.</summary>
    public AkkaConfigurationBuilder WithActors(Action<ActorSystem, IActorRegistry> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, _) =>
        {
            starter(system, registry);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Starts actors when the host starts, with access to the services.</summary>
    public AkkaConfigurationBuilder WithActors(Action<ActorSystem, IActorRegistry, IServiceProvider> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, services) =>
        {
            starter(system, registry, services);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Starts actors asynchronously when the host starts.</summary>
    public AkkaConfigurationBuilder StartActors(Func<ActorSystem, IActorRegistry, IServiceProvider, Task> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add(starter);
        return this;
    }
}
