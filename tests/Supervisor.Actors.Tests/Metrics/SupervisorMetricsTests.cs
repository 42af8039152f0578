using System.Diagnostics.Metrics;
using Akka.Actor;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Metrics;

namespace Supervisor.Actors.Tests.Metrics;

public sealed class SupervisorMetricsTests : ActorSpec
{
    [Fact]
    public async Task Two_actor_systems_in_one_process_keep_their_numbers_apart()
    {
        var other = ActorSystem.Create("other-node", "akka.actor.provider = remote\nakka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }");
        try
        {
            var mine = SupervisorMetrics.For(Sys);
            var theirs = SupervisorMetrics.For(other);
            Assert.NotSame(mine.Meter, theirs.Meter);
            Assert.Same(mine, SupervisorMetrics.For(Sys));
            // A local system is named by its host; a remoting one by its address, unique per node on one machine.
            Assert.Equal(Environment.MachineName, mine.Node);
            Assert.StartsWith("127.0.0.1:", theirs.Node, StringComparison.Ordinal);

            using var recorder = new MetricsRecorder(mine.Meter);
            theirs.ForVenue("coinw").FrameReceived();
            theirs.ForVenue("coinw").AccountStatusChanged(null, ConnectionStatus.Live);
            theirs.WriteStarted(5);
            mine.ForVenue("coinw").FrameReceived();

            Assert.Equal(1, recorder.Sum("supervisor_frames_received", ("venue", "coinw")));
            Assert.Equal(0, recorder.Gauge("supervisor_accounts", ("status", "live")));
            Assert.Equal(0, recorder.Gauge("supervisor_persist_queue_depth"));
            Assert.Equal(5, theirs.PersistQueueDepth);
        }
        finally
        {
            await other.Terminate();
        }
    }

    [Fact]
    public void Accounts_by_status_report_every_status_of_a_venue_even_at_zero()
    {
        var venue = SupervisorMetrics.For(Sys).ForVenue("chainup");
        using var recorder = new MetricsRecorder(SupervisorMetrics.For(Sys).Meter);
        venue.AccountStatusChanged(null, ConnectionStatus.Connecting);
        venue.AccountStatusChanged(ConnectionStatus.Connecting, ConnectionStatus.Live);

        Assert.Equal(1, recorder.Gauge("supervisor_accounts", ("venue", "chainup"), ("status", "live")));
        Assert.Equal(0, recorder.Gauge("supervisor_accounts", ("venue", "chainup"), ("status", "connecting")));
        Assert.Equal(["auth_failed", "authenticating", "connecting", "live", "reconnecting", "subscribing"],
            GaugeStatuses(SupervisorMetrics.For(Sys).Meter).Order());
    }

    [Fact]
    public void The_frame_path_allocates_nothing_with_or_without_a_listener()
    {
        var venue = SupervisorMetrics.For(Sys).ForVenue("coinw");
        Assert.Equal(0, AllocatedBy(() => FramePath(venue)));
        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, SupervisorMetrics.For(Sys).Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
        listener.Start();
        Assert.Equal(0, AllocatedBy(() => FramePath(venue)));
        Assert.Equal(2 * 4 * 10_000, measured);
    }

    private static void FramePath(VenueInstruments venue)
    {
        for (var i = 0; i < 10_000; i++)
        {
            venue.FrameReceived();
            venue.EventsDecoded(3);
        }
    }

    private static long AllocatedBy(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static List<string> GaugeStatuses(Meter meter)
    {
        var statuses = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "supervisor_accounts")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "status")
                {
                    statuses.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return statuses;
    }
}
