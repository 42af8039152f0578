using System.Data.Common;
using Akka.Actor;
using Akka.Event;
using Supervisor.Actors.State;
using Supervisor.Persistence.Tests.Infrastructure;
using Supervisor.Venues.Events;
using Xunit.Abstractions;
using static Supervisor.Persistence.Tests.Infrastructure.Samples;

namespace Supervisor.Persistence.Tests.Fencing;

/// <summary>
/// Two incarnations of one account's state actor (same persistence id) in two actor systems over one journal, as a
/// stale node and the account's new home would be after a split brain: the journal's unique
/// <c>(persistence_id, sequence_number)</c> key lets one write through and fails the other, so the history never forks.
/// </summary>
public abstract class StaleWriterFencingTests(ITestOutputHelper output) : DatabaseTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_writers_of_one_account_leave_one_gap_free_history_and_the_losing_writer_stops()
    {
        const string account = "fenced";
        var pid = AccountStateActor.PersistenceIdFor(Venue, account);
        // Different frames of different sizes, so the journal shows whose write went in.
        VenueEvent[][] frames = [[Eth, BtcLong], [OpenOrder, Usdt with { Available = 1m }, Eth with { Available = 3m }]];

        await using (var seed = await JournalHost.StartAsync(Database.Settings))
        {
            var seeder = seed.StateActor(account, Venue);
            seeder.Tell(Frame(Usdt));
            Assert.Equal(1, (await JournalHost.StateOf(seeder)).SequenceNr);
        }

        await using var hostA = await JournalHost.StartAsync(Database.Settings);
        await using var hostB = await JournalHost.StartAsync(Database.Settings);
        JournalHost[] hosts = [hostA, hostB];
        var errors = hosts.Select(h => PersistFailuresIn(h.System)).ToArray();
        var writers = hosts.Select(h => h.StateActor(account, Venue)).ToArray();
        // Both recovered the same history, so both will write their next frame from sequence number 2.
        foreach (var writer in writers)
        {
            var recovered = await JournalHost.StateOf(writer);
            Assert.Equal(1, recovered.SequenceNr);
            Assert.Equal(Usdt, recovered.Assets["USDT"]);
        }
        var stopped = writers.Select(w => w.WatchAsync()).ToArray();

        writers[0].Tell(Frame(frames[0]));
        writers[1].Tell(Frame(frames[1]));

        var first = await Task.WhenAny(stopped).WaitAsync(Deadline);
        var loser = Array.IndexOf(stopped, first);
        var winner = 1 - loser;
        // The winner answers once its write is acknowledged (a question waits behind the writes before it).
        var accepted = await JournalHost.StateOf(writers[winner]);
        Assert.False(stopped[winner].IsCompleted, "the winning writer stopped too");
        var expectedLength = 1 + frames[winner].Length;
        Assert.Equal(expectedLength, accepted.SequenceNr);

        // The loser's write failed on the unique key (a persist failure, which stops a persistent actor), not merged.
        var failure = await errors[loser].WaitAsync(Deadline);
        var duplicate = Causes(failure.Cause).OfType<DbException>().FirstOrDefault();
        Assert.True(duplicate is not null && Database.IsUniqueViolation(duplicate),
            $"the losing write failed for another reason than the unique key: {failure.Cause}");
        Assert.False(errors[winner].IsCompleted, "the winning writer logged a persist failure");
        output.WriteLine($"writer {winner} won with {frames[winner].Length} events; writer {loser} stopped after: {failure.Message}; cause {failure.Cause?.GetType().Name}: {duplicate.Message}");

        // One history: 1..N, each once, and past the seed only the winner's events.
        var rows = await JournalRow.ReadAsync(Database, pid);
        Assert.Equal(Enumerable.Range(1, expectedLength).Select(n => (long)n), rows.Select(r => r.SequenceNr));
        Assert.Equal(
            frames[winner].Select(e => StateSerialization.Manifests.Serialize(e).Bytes),
            rows.Skip(1).Select(r => r.Message));

        // A fresh incarnation (as the loser's backoff supervisor would start) recovers exactly the accepted events.
        await using var fresh = await JournalHost.StartAsync(Database.Settings);
        var recoveredAfter = await JournalHost.StateOf(fresh.StateActor(account, Venue));
        StateAssert.SamePersistedState(accepted, recoveredAfter);
        var expected = frames[winner].Aggregate(AccountState.Empty(account, Venue).Apply(Usdt), (state, e) => state.Apply(e)) with { SequenceNr = expectedLength };
        StateAssert.SamePersistedState(expected, recoveredAfter);
    }

    private static IEnumerable<Exception> Causes(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }

    // Completes with the first "Failed to persist" error logged in the system.
    private static Task<Error> PersistFailuresIn(ActorSystem system)
    {
        var failed = new TaskCompletionSource<Error>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = system.ActorOf(Props.Create(() => new PersistFailures(failed)));
        system.EventStream.Subscribe(listener, typeof(Error));
        return failed.Task;
    }

    private sealed class PersistFailures : ReceiveActor
    {
        public PersistFailures(TaskCompletionSource<Error> failed) =>
            Receive<Error>(e => e.Message?.ToString()?.Contains("Failed to persist", StringComparison.Ordinal) == true, e => failed.TrySetResult(e));
    }
}
