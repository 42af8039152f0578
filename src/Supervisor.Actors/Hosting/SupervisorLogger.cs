using Akka.Actor;
using Akka.Event;
using Akka.Hosting.Logging;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// Akka.Hosting's bridge to Microsoft.Extensions.Logging, less one line: the error, stack trace and all, that Akka's
/// backoff supervisor writes each time an account's connection fails. The account's own decider has already logged
/// that failure once (a one-line warning for a lost socket, a late pong or a refused subscription; an error with the
/// stack trace for anything unexpected: AccountActor, MarketDataActor), but the backoff supervisor wraps the decider
/// in a strategy of its own that always logs, and publishes straight to the event stream, past Akka's log filters.
/// </summary>
public sealed class SupervisorLogger : LoggerFactoryLogger
{
    /// <summary>The path end of a supervised connection: <c>…/connection-supervisor/connection</c>.</summary>
    public const string ConnectionPathEnd = "/connection-supervisor/connection";

    /// <summary>True for the backoff supervisor's report of a connection failure.</summary>
    public static bool IsConnectionFailureReport(LogEvent log) =>
        log is Error { Cause: not null } && log.LogSource.EndsWith(ConnectionPathEnd, StringComparison.Ordinal);

    /// <inheritdoc />
    protected override void Log(LogEvent log, ActorPath path)
    {
        if (!IsConnectionFailureReport(log))
        {
            base.Log(log, path);
        }
    }
}
