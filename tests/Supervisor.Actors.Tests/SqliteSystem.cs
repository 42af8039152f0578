using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Hosting;

namespace Supervisor.Actors.Tests;

/// <summary>An actor system on a real SQLite journal, wired as the product wires it (serializer, Akka.Persistence.Sql, batching).</summary>
internal static class SqliteSystem
{
    public static async Task<IHost> StartAsync(JournalSettings journal)
    {
        SqliteJournalFile.Prepare(journal.ConnectionString);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("sqlite-" + Guid.NewGuid().ToString("N")[..8], (akka, _) => akka.WithAccountSerializer().WithAccountJournal(journal));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
