using System.Runtime.CompilerServices;
using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Persistence.Journal;
using Supervisor.Kernel.Persistence.Snapshot;

namespace Supervisor.Kernel.Persistence;

/// <summary>
/// The persistence extension of one actor system: its journal, snapshot store, settings and recovery permits.
/// Configure it before the first persistent actor starts.
/// </summary>
public sealed class Persistence
{
    private static readonly ConditionalWeakTable<ActorSystem, Persistence> s_extensions = new();
    private AsyncWriteJournal? _journal;
    private PersistenceSettings _settings;

    private Persistence(ActorSystem system)
    {
        System = system;
        _settings = PersistenceSettings.FromConfig(system.Settings.Config);
        _settings.Validate();
        Permitter = new RecoveryPermitter(() => _settings.MaxConcurrentRecoveries);
    }

    /// <summary>The system.</summary>
    public ActorSystem System { get; }

    /// <summary>The journal.</summary>
    /// <exception cref="InvalidOperationException">None is configured.</exception>
    public AsyncWriteJournal Journal => _journal
        ?? throw new InvalidOperationException($"No journal is configured for {System}: call Persistence.For(system).UseJournal(...) (or WithJournal in hosting) before starting persistent actors.");

    /// <summary>The snapshot store, or null if none is configured (saving a snapshot then fails).</summary>
    public SnapshotStore? SnapshotStore { get; private set; }

    /// <summary>The settings.</summary>
    public PersistenceSettings Settings => _settings;

    internal RecoveryPermitter Permitter { get; }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static Persistence For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_extensions.GetValue(system, static s => new Persistence(s));
    }

    /// <summary>Sets the journal.</summary>
    public Persistence UseJournal(AsyncWriteJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
        return this;
    }

    /// <summary>Sets the snapshot store.</summary>
    public Persistence UseSnapshotStore(SnapshotStore snapshotStore)
    {
        ArgumentNullException.ThrowIfNull(snapshotStore);
        SnapshotStore = snapshotStore;
        return this;
    }

    /// <summary>Replaces the settings.</summary>
    public Persistence UseSettings(PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        return this;
    }
}
