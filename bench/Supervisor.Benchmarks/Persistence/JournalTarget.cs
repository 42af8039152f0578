using Akka.Actor;
using Akka.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Supervisor.Actors.Hosting;
using Supervisor.Tests.Postgres;
using AkkaLogLevel = Akka.Event.LogLevel;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>
/// A fresh database on either engine (PostgreSQL as a throw-away local server) and an actor system on it, wired as
/// the product wires it: Akka.Hosting, <see cref="AkkaConfiguration.WithAccountSerializer"/> and
/// <see cref="AkkaConfiguration.WithAccountJournal"/> (on SQLite: WAL, synchronous=FULL, the batching interceptor).
/// </summary>
internal sealed class JournalTarget : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _directory;
    private readonly PostgresServer? _postgres;

    private JournalTarget(JournalSettings settings, IHost host, string? directory, PostgresServer? postgres)
    {
        Settings = settings;
        _host = host;
        _directory = directory;
        _postgres = postgres;
    }

    public JournalSettings Settings { get; }

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public static async Task<JournalTarget> CreateAsync(JournalEngine engine)
    {
        string? directory = null;
        PostgresServer? postgres = null;
        JournalSettings settings;
        if (engine == JournalEngine.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "supervisor-bench-" + Guid.NewGuid().ToString("N"));
            settings = JournalSettings.Sqlite(Path.Combine(directory, "journal.db"));
            SqliteJournalFile.Prepare(settings.ConnectionString);
        }
        else
        {
            postgres = await PostgresServer.StartAsync();
            settings = JournalSettings.PostgreSql(await postgres.CreateDatabaseAsync());
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("bench", (akka, _) => akka
            .ConfigureLoggers(loggers => loggers.LogLevel = AkkaLogLevel.WarningLevel)
            .WithAccountSerializer()
            .WithAccountJournal(settings));
        var host = builder.Build();
        await host.StartAsync();
        var target = new JournalTarget(settings, host, directory, postgres);
        // The plugin creates its tables on first use; the raw baselines write into the same tables.
        await target.PersistAsync("bench-probe", 1, 1);
        return target;
    }

    /// <summary>Starts a writer for <paramref name="persistenceId"/> and waits until it has recovered.</summary>
    public async Task<IActorRef> StartWriterAsync(string persistenceId)
    {
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = System.ActorOf(Props.Create(() => new WriterActor(persistenceId, recovered)));
        await recovered.Task;
        return writer;
    }

    /// <summary>Persists <paramref name="count"/> events under <paramref name="persistenceId"/> through a writer of its own.</summary>
    public async Task PersistAsync(string persistenceId, int count, int batchSize)
    {
        var writer = await StartWriterAsync(persistenceId);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.Tell(new PersistEvents(count, batchSize, done));
        await done.Task;
        await writer.GracefulStop(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
