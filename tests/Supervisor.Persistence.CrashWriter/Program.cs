using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Persistence.CrashWriter;

// Usage: Supervisor.Persistence.CrashWriter <journal.db> [accounts]
// Writes account frames through the product's journal wiring until it is killed. Every acknowledged frame is one
// "ack <persistence id> <frame> <sequence number>" line on stdout; logs go to stderr so stdout stays parseable.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: Supervisor.Persistence.CrashWriter <journal.db> [accounts]");
    return 2;
}
var accounts = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
// FULL is what the product promises for acknowledged writes (an fsync per commit); it is the default, set anyway.
var journal = JournalSettings.Sqlite(args[0]) with { SqliteSynchronous = "FULL" };
SqliteJournalFile.Prepare(journal.ConnectionString);

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
