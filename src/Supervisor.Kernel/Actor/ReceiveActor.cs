namespace Supervisor.Kernel.Actor;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in the constructor (or inside
/// <see cref="Become(Action)"/>); the first matching handler wins, unmatched messages go to <see cref="ActorBase.Unhandled"/>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveHandlers _initial = new();
    private ReceiveHandlers? _configuring;

    /// <summary>Starts collecting the initial handlers.</summary>
    protected ReceiveActor()
    {
        _configuring = _initial;
    }

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        // Registration outside the constructor or Become is a mistake; the first message ends the constructor phase.
        _configuring = null;
        return _initial.Handle(message);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> (that match <paramref name="shouldHandle"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }
            return false;
        });
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(message => message is T typed && handler(typed));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other message is processed until the
    /// task ends, and a fault is a failure of this message.
    /// </summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => ReceiveAsync(handler, shouldHandle);

    /// <inheritdoc cref="ReceiveAsync{T}(Predicate{T}, Func{T, Task})"/>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(message =>
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                Cell.RunAsyncHandler(handler(typed));
                return true;
            }
            return false;
        });
    }

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(message =>
        {
            handler(message);
            return true;
        });
    }

    /// <summary>Handles every message not handled by an earlier handler, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Handlers.Add(message =>
        {
            Cell.RunAsyncHandler(handler(message));
            return true;
        });
    }

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Configure(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers; <see cref="ActorBase.UnbecomeStacked"/> returns.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Configure(configure));

    private Receive Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new ReceiveHandlers();
        var previous = _configuring;
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }
        return handlers.Handle;
    }

    private ReceiveHandlers Handlers => _configuring
        ?? throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become.");
}
