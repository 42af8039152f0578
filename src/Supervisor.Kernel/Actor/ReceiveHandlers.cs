namespace Supervisor.Kernel.Actor;

/// <summary>An ordered list of typed handlers; the first that accepts a message handles it. Shared by the receive-style actors.</summary>
internal sealed class ReceiveHandlers
{
    private Func<object, bool>[] _handlers = [];

    public bool Handle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler(message))
            {
                return true;
            }
        }
        return false;
    }

    public void Add<T>(Action<T> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }
            return false;
        });
    }

    public void Add<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(message => message is T typed && handler(typed));
    }

    /// <summary>A handler whose task holds the actor's mailbox until it ends.</summary>
    public void AddAsync<T>(ActorCell cell, Func<T, Task> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                cell.RunAsyncHandler(handler(typed));
                return true;
            }
            return false;
        });
    }

    public void AddAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(message =>
        {
            handler(message);
            return true;
        });
    }

    private void Add(Func<object, bool> handler)
    {
        var next = new Func<object, bool>[_handlers.Length + 1];
        _handlers.CopyTo(next, 0);
        next[^1] = handler;
        _handlers = next;
    }
}
