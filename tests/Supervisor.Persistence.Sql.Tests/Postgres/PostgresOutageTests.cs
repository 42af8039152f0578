using Supervisor.Kernel.Actor;
using Supervisor.Kernel.Pattern;
using Supervisor.Kernel.Persistence;
using Supervisor.Persistence.Sql.Tests.Spec;
using KernelPersistence = Supervisor.Kernel.Persistence.Persistence;

namespace Supervisor.Persistence.Sql.Tests.Postgres;

/// <summary>PostgreSQL goes down mid-run and comes back: persists fail meanwhile, nothing acknowledged is lost.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageTests(PostgresFixture fixture) : TestKit.TestKit
{
    private async Task<SqlJournal> JournalAsync() => await SqlJournal.CreateAsync(new SqlJournalOptions
    {
        Engine = SqlEngine.PostgreSql,
        ConnectionString = await fixture.Server.CreateDatabaseAsync(),
        Serializer = TestSerializer.Instance,
    });

    [Fact]
    public async Task A_persistent_actor_stops_while_the_database_is_down_and_recovers_every_acknowledged_event_after()
    {
        await using var journal = await JournalAsync();
        KernelPersistence.For(Sys).UseJournal(journal).UseSnapshotStore(new SqlSnapshotStore(journal));
        var options = Backoff.OnStop(Props.Create(() => new ItemsActor("outage-1")), "items", TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), 0);
        var supervisor = ActorOf(BackoffSupervisor.Props(options));
        for (var i = 0; i < 5; i++)
        {
            supervisor.Tell($"item-{i}");
            ExpectMsg($"stored:item-{i}", TimeSpan.FromSeconds(10));
        }

        await fixture.Server.StopServerAsync();
        try
        {
            supervisor.Tell("while-down");
            ExpectNoMsg(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await fixture.Server.StartServerAsync();
        }

        // The backoff supervisor keeps re-creating the actor; once the database is back it recovers.
        AwaitAssert(() =>
        {
            supervisor.Tell("list");
            var items = ExpectMsg<string>(TimeSpan.FromMilliseconds(500));
            Assert.StartsWith("items:item-0,item-1,item-2,item-3,item-4", items);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        // Commands sent while the actor is stopped are lost (they were never acknowledged); new ones are stored again.
        AwaitAssert(() =>
        {
            supervisor.Tell("after");
            FishForMessage<string>(m => m == "stored:after", TimeSpan.FromMilliseconds(500));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
    }

    private sealed class ItemsActor : ReceivePersistentActor
    {
        private readonly List<string> _items = [];

        public ItemsActor(string id)
        {
            PersistenceId = id;
            Recover<ItemAdded>(e => _items.Add(e.Item));
            Command<string>(c => c == "list", _ => Sender.Tell("items:" + string.Join(",", _items)));
            Command<string>(c => Persist(new ItemAdded(c, 1m), e =>
            {
                _items.Add(e.Item);
                Sender.Tell("stored:" + e.Item);
            }));
        }

        public override string PersistenceId { get; }
    }
}
