using Microsoft.Extensions.Logging;

namespace Supervisor.Kernel.Event;

/// <summary>A log entry written through an actor's logger, published on the event stream (this is what the TestKit's EventFilter sees).</summary>
/// <param name="Level">The level.</param>
/// <param name="LogSource">The actor path or component that logged.</param>
/// <param name="LogClass">The type that logged.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Cause">The exception, if any.</param>
/// <param name="Timestamp">When, by the system's scheduler.</param>
public sealed record LogEvent(LogLevel Level, string LogSource, Type LogClass, string Message, Exception? Cause, DateTimeOffset Timestamp);
