using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Akka.Pattern;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Hosting;
using AkkaLogLevel = Akka.Event.LogLevel;

namespace Supervisor.Actors.Tests.Hosting;

/// <summary>Akka's logging reaches Microsoft.Extensions.Logging with structured fields, and a connection failure is logged once.</summary>
public sealed class SupervisorLoggingTests
{
    [Fact]
    public void Akkas_error_line_for_a_failed_supervised_connection_is_dropped_and_nothing_else()
    {
        const string connection = "akka://s/user/account-region/coinw%7C1/account-coinw-1/connection-supervisor/connection";
        var failure = new ConnectionLostException("coinw socket ended");

        Assert.True(SupervisorLogger.IsConnectionFailureReport(new Error(failure, connection, typeof(object), failure.Message)));
        Assert.False(SupervisorLogger.IsConnectionFailureReport(new Warning(connection, typeof(object), "bad frame dropped")));
        Assert.False(SupervisorLogger.IsConnectionFailureReport(new Error(failure, "akka://s/user/account-region/coinw%7C1/account-coinw-1/state", typeof(object), "x")));
    }

    [Fact]
    public async Task Template_fields_arrive_as_structured_fields_and_a_failing_connection_leaves_only_its_accounts_own_line()
    {
        var captured = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(captured);
        builder.Services.AddAkka("logging", (akka, _) => akka.WithSupervisorLogging(AkkaLogLevel.InfoLevel));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var parent = system.ActorOf(Props.Create(() => new FailingConnectionParent()), "account-coinw-7");
            parent.Tell("fail");

            await AwaitAsync(() => captured.Entries.Any(e => e.Text.Contains("reconnecting", StringComparison.Ordinal)));
            var warning = captured.Entries.Single(e => e.Text.Contains("reconnecting", StringComparison.Ordinal));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
            Assert.Equal("7", warning.Fields["AccountId"]?.ToString());
            Assert.Equal("coinw", warning.Fields["Venue"]?.ToString());
            Assert.DoesNotContain(captured.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task AwaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the expected log line did not come within 10 s");
            await Task.Delay(20);
        }
        // Akka's own error line, if it were written, goes through the same logger right after the decision.
        await Task.Delay(200);
    }

    /// <summary>An account in miniature: a connection under a backoff supervisor whose decider logs the failure as the account does.</summary>
    private sealed class FailingConnectionParent : ReceiveActor
    {
        public FailingConnectionParent()
        {
            var log = Context.GetLogger();
            var options = Backoff.OnFailure(Props.Create(() => new FailingConnection()), "connection", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 0, maxNrOfRetries: -1)
                .WithSupervisorStrategy(new OneForOneStrategy(-1, -1, Decider.From(cause =>
                {
                    log.Warning("Account {AccountId} on {Venue}: {Reason}; reconnecting after the backoff", "7", "coinw", cause.Message);
                    return Directive.Restart;
                }), loggingEnabled: false));
            var supervisor = Context.ActorOf(BackoffSupervisor.Props(options), "connection-supervisor");
            Receive<string>(m => supervisor.Tell(m));
        }
    }

    private sealed class FailingConnection : ReceiveActor
    {
        public FailingConnection() => Receive<string>(_ => throw new ConnectionLostException("coinw socket ended: connection reset"));
    }
}
