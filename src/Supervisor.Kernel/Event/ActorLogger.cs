using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Event;

/// <summary>
/// An actor's logger: writes to the Microsoft.Extensions.Logging logger of the actor's type, with the structured
/// state intact, and publishes a <see cref="LogEvent"/> on the event stream when anyone listens. Entries that an
/// active mute filter matches (TestKit's EventFilter) are not written.
/// </summary>
internal sealed class ActorLogger : ILogger
{
    private readonly ActorSystem _system;
    private readonly string _logSource;
    private readonly Type _logClass;
    private readonly ILogger _inner;

    public ActorLogger(ActorSystem system, string logSource, Type logClass, ILogger inner)
    {
        _system = system;
        _logSource = logSource;
        _logClass = logClass;
        _inner = inner;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) =>
        logLevel != LogLevel.None && (_inner.IsEnabled(logLevel) || _system.EventStream.HasSubscribers(typeof(LogEvent)));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var logEvent = new LogEvent(logLevel, _logSource, _logClass, formatter(state, exception), exception, _system.Scheduler.Now);
        if (_system.EventStream.HasSubscribers(typeof(LogEvent)))
        {
            _system.EventStream.Publish(logEvent);
        }
        if (!_system.LogFilters.IsMuted(logEvent) && _inner.IsEnabled(logLevel))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
