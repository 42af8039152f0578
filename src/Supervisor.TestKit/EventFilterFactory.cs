using Microsoft.Extensions.Logging;
using Supervisor.Kernel.Event;

namespace Supervisor.TestKit;

/// <summary>Builds expectations over log events and dead letters (Akka.TestKit's EventFilter).</summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;

    internal EventFilterFactory(TestKitBase kit)
    {
        _kit = kit;
    }

    /// <summary>Log events carrying an exception of type <typeparamref name="TException"/>.</summary>
    /// <param name="message">The exception message must equal this, if given.</param>
    /// <param name="contains">The exception message must contain this, if given.</param>
    /// <param name="source">The log source (actor path) must contain this, if given.</param>
    public EventFilterApplier Exception<TException>(string? message = null, string? contains = null, string? source = null)
        where TException : Exception =>
        Log(e => e.Cause is TException && Matches(e.Cause.Message, message, contains) && Matches(e.LogSource, null, source),
            $"Exception<{typeof(TException).Name}>");

    /// <summary>Error log events.</summary>
    public EventFilterApplier Error(string? message = null, string? contains = null, string? source = null) =>
        Level(LogLevel.Error, message, contains, source);

    /// <summary>Warning log events.</summary>
    public EventFilterApplier Warning(string? message = null, string? contains = null, string? source = null) =>
        Level(LogLevel.Warning, message, contains, source);

    /// <summary>Information log events.</summary>
    public EventFilterApplier Info(string? message = null, string? contains = null, string? source = null) =>
        Level(LogLevel.Information, message, contains, source);

    /// <summary>Debug log events.</summary>
    public EventFilterApplier Debug(string? message = null, string? contains = null, string? source = null) =>
        Level(LogLevel.Debug, message, contains, source);

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (matching <paramref name="predicate"/>, if given).</summary>
    public EventFilterApplier DeadLetter<T>(Func<T, bool>? predicate = null) =>
        new(_kit, typeof(DeadLetter), e => e is DeadLetter { Message: T typed } && (predicate is null || predicate(typed)), mute: null, $"DeadLetter<{typeof(T).Name}>");

    /// <summary>Log events matching <paramref name="predicate"/>.</summary>
    public EventFilterApplier Custom(Func<LogEvent, bool> predicate) => Log(predicate, "Custom");

    private EventFilterApplier Level(LogLevel level, string? message, string? contains, string? source) =>
        Log(e => e.Level == level && Matches(e.Message, message, contains) && Matches(e.LogSource, null, source), $"{level}");

    private EventFilterApplier Log(Func<LogEvent, bool> predicate, string description) =>
        new(_kit, typeof(LogEvent), e => e is LogEvent logEvent && predicate(logEvent), predicate, description);

    private static bool Matches(string text, string? exact, string? contains) =>
        (exact is null || text == exact) && (contains is null || text.Contains(contains, StringComparison.Ordinal));
}
