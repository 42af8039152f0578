using System.Collections.Concurrent;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Hosting;

/// <summary>The thread-safe registry of top-level actors.</summary>
public sealed class ActorRegistry : IActorRegistry
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource<IActorRef>> _entries = new();

    /// <inheritdoc />
    public void Register<TKey>(IActorRef actor, bool overwrite = false)
    {
        if (!TryRegister<TKey>(actor, overwrite))
        {
            throw new DuplicateActorRegistryException($"An actor is already registered under {typeof(TKey).Name}: {Get<TKey>()}");
        }
    }

    /// <inheritdoc />
    public bool TryRegister<TKey>(IActorRef actor, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = Entry(typeof(TKey));
        if (entry.TrySetResult(actor))
        {
            return true;
        }
        if (!overwrite)
        {
            return ReferenceEquals(entry.Task.Result, actor);
        }
        var replacement = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        replacement.SetResult(actor);
        _entries[typeof(TKey)] = replacement;
        return true;
    }

    /// <inheritdoc />
    public IActorRef Get<TKey>() => TryGet<TKey>(out var actor)
        ? actor
        : throw new MissingActorRegistryEntryException($"No actor is registered under {typeof(TKey).Name}.");

    /// <inheritdoc />
    public bool TryGet<TKey>(out IActorRef actor)
    {
        if (_entries.TryGetValue(typeof(TKey), out var entry) && entry.Task.IsCompletedSuccessfully)
        {
            actor = entry.Task.Result;
            return true;
        }
        actor = ActorRefs.Nobody;
        return false;
    }

    /// <inheritdoc />
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) =>
        Entry(typeof(TKey)).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<IActorRef> Entry(Type key) =>
        _entries.GetOrAdd(key, static _ => new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));
}
