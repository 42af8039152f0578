using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using Supervisor.Actors.Hosting;
using Supervisor.Configuration;

namespace Supervisor.Actors.Tests.Hosting;

/// <summary>The operator's akka.* settings, read by the project's HOCON reader, are what the running actor system uses.</summary>
public sealed class AkkaConfigTreeTests
{
    [Fact]
    public void The_akka_tree_is_handed_over_resolved_with_reference_defaults_below()
    {
        var merged = HoconLoader.Load(HoconLoader.ParseString("""
            batch = 7
            akka.persistence.journal.sql.batch-size = ${batch}
            akka.custom-list = [a, "b c"]
            supervisor.accounts.snapshot-every = 9
            """));

        var akka = AkkaConfigTree.From(merged);

        Assert.Equal(7, akka.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal(["a", "b c"], akka.GetStringList("akka.custom-list"));
        Assert.Equal(TimeSpan.FromSeconds(30), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.False(akka.HasPath("supervisor"));
    }

    [Fact]
    public async Task A_running_system_takes_the_operators_settings_over_what_the_wiring_sets()
    {
        var merged = HoconLoader.Load(HoconLoader.ParseString("akka.persistence.journal.sql.batch-size = 7"));
        var directory = Path.Combine(Path.GetTempPath(), "supervisor-config-" + Guid.NewGuid().ToString("N"));
        var journal = JournalSettings.Sqlite(Path.Combine(directory, "journal.db"));
        SqliteJournalFile.Prepare(journal.ConnectionString);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("configured", (akka, _) => akka.WithAccountSerializer().WithAccountJournal(journal).WithOperatorSettings(merged));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var config = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
            Assert.Equal(7, config.GetInt("akka.persistence.journal.sql.batch-size"));
            Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
            Assert.Equal("SQLite.MS", config.GetString("akka.persistence.journal.sql.provider-name"));
            Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("akka.actor.ask-timeout"));
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
