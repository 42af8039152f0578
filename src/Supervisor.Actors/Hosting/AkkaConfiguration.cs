using Akka;
using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Persistence.Sql.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using LinqToDB;
using Akka.Cluster.Sharding;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Market;
using Supervisor.Actors.Serialization;
using Supervisor.Actors.State;
using Supervisor.Configuration;
using Supervisor.Venues.Events;
using AkkaLogLevel = Akka.Event.LogLevel;

namespace Supervisor.Actors.Hosting;

/// <summary>
/// The product's Akka.Hosting wiring, one extension method per concern, called from <c>AddAkka</c> by every command
/// and by the tests that start a whole supervisor, so they all run the same system.
/// </summary>
public static class AkkaConfiguration
{
    // SQLite has one writer: a second batch in flight only waits for the lock (reference: 815 ev/s with 3). Reads take
    // no write lock (plain BEGIN), and provider-name must be set beside the DataOptions, or auto-initialize creates
    // the tables without the unique (persistence_id, sequence_number) key that refuses a stale writer's events.
    private const string SqliteJournal = """
        akka.persistence.journal.sql {
          parallelism = 1
          read-isolation-level = read-uncommitted
          provider-name = "SQLite.MS"
        }
        akka.persistence.snapshot-store.sql {
          read-isolation-level = read-uncommitted
          provider-name = "SQLite.MS"
        }
        """;

    /// <summary>Binds every journaled event and snapshot to <see cref="AccountJsonSerializer"/>, never Akka's Newtonsoft default.</summary>
    public static AkkaConfigurationBuilder WithAccountSerializer(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(AccountJsonSerializer.Name, [typeof(VenueEvent), typeof(AccountStateSnapshot)], system => new AccountJsonSerializer(system));

    /// <summary>The health-check tag of everything a readiness probe needs (the journal's checks are added here; the host adds the rest).</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Akka.Persistence.Sql as the default journal and snapshot store, tables created at start. On SQLite the writes
    /// go through <see cref="SqliteWriteBatching"/>; call <see cref="SqliteJournalFile.Prepare"/> first. A reader
    /// of someone else's journal passes <paramref name="autoInitialize"/> false, so it never creates tables. The
    /// journal's health checks carry the <see cref="ReadinessTag"/>: Akka.Persistence.Hosting's (the plugin answers;
    /// Unhealthy rather than the package's default Degraded, which a probe counts as up) and, registered through
    /// Akka.Hosting's delegate check, <see cref="JournalConnectivity"/> (the database answers a new connection).
    /// Akka.Persistence.Sql.Hosting 1.5.70's own connectivity check is not used: against linq2db 6.5.1 it throws a
    /// TypeLoadException on every call.
    /// </summary>
    public static AkkaConfigurationBuilder WithAccountJournal(this AkkaConfigurationBuilder builder, JournalSettings journal, bool autoInitialize = true)
    {
        ArgumentNullException.ThrowIfNull(journal);
        builder.WithHealthCheck(JournalConnectivity.Name, (_, _, cancellationToken) => JournalConnectivity.CheckAsync(journal, cancellationToken),
            HealthStatus.Unhealthy, [ReadinessTag], TimeSpan.FromSeconds(5));
        static void HealthCheck(AkkaPersistenceJournalBuilder j) => j.WithHealthCheck(HealthStatus.Unhealthy, tags: [ReadinessTag]);
        if (journal.Engine == JournalEngine.PostgreSql)
        {
            return builder.WithSqlPersistence(journal.ConnectionString, ProviderName.PostgreSQL15, autoInitialize: autoInitialize, journalBuilder: HealthCheck);
        }
        var options = new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, journal.ConnectionString)
            .UseInterceptor(new SqliteWriteBatching(journal.SqliteSynchronous));
        return builder.WithSqlPersistence(options, autoInitialize: autoInitialize, journalBuilder: HealthCheck)
            .AddHocon(SqliteJournal, HoconAddMode.Prepend);
    }

    /// <summary>
    /// The <c>akka</c> section of the operator's file (reference.conf below it), over everything the other methods set:
    /// call it last, so the operator's word wins.
    /// </summary>
    public static AkkaConfigurationBuilder WithOperatorSettings(this AkkaConfigurationBuilder builder, HoconConfig merged) =>
        builder.AddHocon(AkkaConfigTree.From(merged), HoconAddMode.Prepend);

    /// <summary>
    /// Akka's log events go to Microsoft.Extensions.Logging, with the message template's fields (account, venue …) as
    /// structured fields; a connection failure is logged once (<see cref="SupervisorLogger"/>).
    /// </summary>
    public static AkkaConfigurationBuilder WithSupervisorLogging(this AkkaConfigurationBuilder builder, AkkaLogLevel level) =>
        builder.ConfigureLoggers(loggers =>
        {
            loggers.LogLevel = level;
            loggers.ClearLoggers();
            loggers.AddLogger<SupervisorLogger>();
        });

    /// <summary>
    /// The single node's accounts (<see cref="LocalAccounts"/>), registered as the cluster registers its own:
    /// <see cref="NodeAccounts"/> for the commands and the API, the region as <see cref="AccountEntity"/>. On shutdown
    /// (CoordinatedShutdown's service-stop phase) the region stops every account once its writes are acknowledged, as a
    /// shard hands off, so nothing acknowledged is lost; the journal stops after that.
    /// </summary>
    public static AkkaConfigurationBuilder WithLocalAccounts(this AkkaConfigurationBuilder builder, IEnumerable<AccountDefinition> accounts,
        AccountSettings settings, Func<AccountDefinition, Props?>? stateFor, IEnumerable<IMarketDataProtocol>? markets) =>
        builder.WithActors((system, registry) =>
        {
            var (root, region) = LocalAccounts.Start(system, new AccountRegistry(accounts), settings, stateFor, markets);
            registry.Register<NodeAccounts>(root);
            registry.Register<AccountEntity>(region);
            var shutdown = CoordinatedShutdown.Get(system);
            var timeout = shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop) - TimeSpan.FromSeconds(1);
            shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-accounts", async () =>
            {
                try
                {
                    await region.GracefulStop(timeout, GracefulShutdown.Instance).ConfigureAwait(false);
                }
                catch (TaskCanceledException)
                {
                    // Past the phase's timeout the system terminates anyway; what was not acknowledged was never claimed.
                }
                return Done.Instance;
            });
        });
}
