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
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Handlers.Add(handler, shouldHandle);

    /// <summary>Handles messages of type <typeparamref name="T"/> that match <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Handlers.Add(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Handlers.Add(handler);

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other message is processed until the
    /// task ends, and a fault is a failure of this message.
    /// </summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => ReceiveAsync(handler, shouldHandle);

    /// <inheritdoc cref="ReceiveAsync{T}(Predicate{T}, Func{T, Task})"/>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => Handlers.AddAsync(Cell, handler, shouldHandle);

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Handlers.AddAny(handler);

    /// <summary>Handles every message not handled by an earlier handler, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => Handlers.AddAsync(Cell, handler, null);

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Configure(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers; <see cref="ActorBase.UnbecomeStacked"/> returns.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Configure(configure));

    private Receive Configure(Action configure) => HandlerConfiguration.Collect(configure, ref _configuring);

    private ReceiveHandlers Handlers => _configuring
        ?? throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become.");
}
