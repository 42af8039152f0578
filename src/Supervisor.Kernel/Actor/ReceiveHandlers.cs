namespace Supervisor.Kernel.Actor;

/// <summary>An ordered list of typed handlers; the first that accepts a message handles it.</summary>
internal sealed class ReceiveHandlers
{
    private Func<object, bool>[] _handlers = [];

    public void Add(Func<object, bool> handler)
    {
        var next = new Func<object, bool>[_handlers.Length + 1];
        _handlers.CopyTo(next, 0);
        next[^1] = handler;
        _handlers = next;
    }

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
}
