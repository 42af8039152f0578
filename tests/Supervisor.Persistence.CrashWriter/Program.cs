using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Persistence.CrashWriter;

// Usage: Supervisor.Persistence.CrashWriter sqlite|postgresql <connection string> [accounts]
// Writes account frames through the product's journal wiring until it is killed. Every acknowledged frame is one
// "ack <persistence id> <frame> <sequence number>" line on stdout; logs go to stderr so stdout stays parseable.
if (args.Length is < 2 or > 3 || args[0] is not ("sqlite" or "postgresql"))
{
    await Console.Error.WriteLineAsync("usage: Supervisor.Persistence.CrashWriter sqlite|postgresql <connection string> [accounts]");
    return 2;
}
var accounts = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
// FULL is what the product promises for acknowledged writes (an fsync per commit); it is the default, set anyway.
var journal = new JournalSettings(args[0] == "sqlite" ? JournalEngine.Sqlite : JournalEngine.PostgreSql, args[1]) { SqliteSynchronous = "FULL" };
if (journal.Engine == JournalEngine.Sqlite)
{
    SqliteJournalFile.Prepare(journal.ConnectionString);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddAkka("crash-writer", (akka, _) => akka
    .WithSupervisorLogging(Akka.Event.LogLevel.WarningLevel)
    .WithAccountSerializer()
    .WithAccountJournal(journal)
    .WithActors((system, _) =>
    {
        for (var i = 0; i < accounts; i++)
        {
            system.ActorOf(FrameDriver.Props($"acc-{i}"), $"driver-{i}");
        }
    }));
using var host = builder.Build();
await host.StartAsync();
await Console.Error.WriteLineAsync($"crash writer: {accounts} accounts writing to {journal.Describe()}");
// Only a kill ends it normally; the time limit keeps an orphan from writing forever if its test died first.
await Task.WhenAny(host.WaitForShutdownAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
await host.StopAsync();
return 0;
