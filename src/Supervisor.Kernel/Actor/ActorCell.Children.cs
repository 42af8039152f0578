using Supervisor.Kernel.Dispatch;

namespace Supervisor.Kernel.Actor;

internal sealed partial class ActorCell
{
    private readonly Lock _childrenLock = new();
    private Dictionary<string, ChildEntry>? _children;
    private long _nextChildId;

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = "$" + ActorNames.Encode(Interlocked.Increment(ref _nextChildId));
        }
        else
        {
            ActorNames.Validate(name);
        }
        return CreateChild(props, name);
    }

    private LocalActorRef CreateChild(Props props, string name)
    {
        LocalActorRef child;
        lock (_childrenLock)
        {
            if (_state >= CellState.Terminating)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: {Self} is stopping.");
            }
            _children ??= new Dictionary<string, ChildEntry>(StringComparer.Ordinal);
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException(
                    $"Actor name [{name}] is not unique under {Self}: a child of that name is alive or still stopping.");
            }
            var mailbox = new Mailbox(System.Settings.Throughput);
            var cell = new ActorCell(System, Self.Path.Child(name), props, SelfRef, mailbox);
            child = cell.SelfRef;
            _children.Add(name, new ChildEntry(child));
        }
        // Creating counts as the first message from the parent, so anything the parent sends next queues behind it.
        child.SendSystemMessage(Create.Instance);
        return child;
    }

    public IActorRef Child(string name)
    {
        lock (_childrenLock)
        {
            return _children is not null && _children.TryGetValue(name, out var entry) && !entry.Stopping
                ? entry.Ref
                : ActorRefs.Nobody;
        }
    }

    public IEnumerable<IActorRef> GetChildren()
    {
        var children = ChildEntries();
        var result = new List<IActorRef>(children.Count);
        foreach (var entry in children)
        {
            if (!entry.Stopping)
            {
                result.Add(entry.Ref);
            }
        }
        return result;
    }

    /// <summary>A snapshot of the children table, stopping ones included.</summary>
    internal IReadOnlyList<ChildEntry> ChildEntries()
    {
        lock (_childrenLock)
        {
            return _children is null || _children.Count == 0 ? [] : [.. _children.Values];
        }
    }

    private bool HasChildren
    {
        get
        {
            lock (_childrenLock)
            {
                return _children is { Count: > 0 };
            }
        }
    }

    private ChildEntry? FindChild(IActorRef actor)
    {
        if (actor is not LocalActorRef local || !ReferenceEquals(local.Cell._parent, SelfRef))
        {
            return null;
        }
        lock (_childrenLock)
        {
            return _children is not null && _children.TryGetValue(actor.Path.Name, out var entry) && ReferenceEquals(entry.Ref, actor)
                ? entry
                : null;
        }
    }

    private bool RemoveChild(IActorRef actor)
    {
        lock (_childrenLock)
        {
            if (_children is not null && _children.TryGetValue(actor.Path.Name, out var entry) && ReferenceEquals(entry.Ref, actor))
            {
                _children.Remove(actor.Path.Name);
                return true;
            }
            return false;
        }
    }

    private bool HasStoppingChildren()
    {
        lock (_childrenLock)
        {
            if (_children is null)
            {
                return false;
            }
            foreach (var entry in _children.Values)
            {
                if (entry.Stopping)
                {
                    return true;
                }
            }
            return false;
        }
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (ReferenceEquals(child, SelfRef))
        {
            SelfRef.Stop();
            return;
        }
        var entry = FindChild(child);
        if (entry is not null)
        {
            StopChild(entry);
        }
        else if (child is InternalActorRef other)
        {
            other.Stop();
        }
    }

    internal void StopChild(ChildEntry entry)
    {
        lock (_childrenLock)
        {
            entry.Stopping = true;
        }
        entry.Ref.Stop();
    }

    internal void RestartChild(InternalActorRef child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
        {
            child.SendSystemMessage(Suspend.Instance);
        }
        child.SendSystemMessage(new Recreate(cause));
    }
}
