using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Supervisor.Actors.Hosting;
using Supervisor.Actors.State;

namespace Supervisor.Persistence.Tests.Infrastructure;

/// <summary>
/// An actor system started the way the product starts one (generic host, AddAkka, WithAccountSerializer,
/// WithAccountJournal, SQLite files prepared first), so the tests exercise the real wiring and not a copy of it.
/// Disposing stops the host, which runs CoordinatedShutdown like a real stop.
/// </summary>
public sealed class JournalHost : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);
    private readonly IHost _host;

    private JournalHost(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    /// <summary>The running actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>Starts a system on <paramref name="journal"/>.</summary>
    public static async Task<JournalHost> StartAsync(JournalSettings journal)
    {
        if (journal.Engine == JournalEngine.Sqlite)
        {
            SqliteJournalFile.Prepare(journal.ConnectionString);
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("persistence-tests", (akka, _) => akka
            .WithAccountSerializer()
            .WithAccountJournal(journal)
            .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend));
        var host = builder.Build();
        await host.StartAsync();
        return new JournalHost(host);
    }

    /// <summary>Starts an account's state actor.</summary>
    public IActorRef StateActor(string accountId, string venue, int snapshotEvery = 500) =>
        System.ActorOf(AccountStateActor.Props(accountId, venue, snapshotEvery));

    /// <summary>
    /// The actor's state. A state actor stashes commands while a PersistAll is in flight, so the answer also means
    /// every frame sent before was written and acknowledged.
    /// </summary>
    public static Task<AccountState> StateOf(IActorRef actor) => actor.Ask<AccountState>(new GetAccountState(), AskTimeout);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
