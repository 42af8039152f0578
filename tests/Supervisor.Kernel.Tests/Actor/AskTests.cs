using Supervisor.Kernel.Actor;

namespace Supervisor.Kernel.Tests.Actor;

public sealed class AskTests : TestKit.TestKit
{
    public AskTests()
        : base(VirtualTime())
    {
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Ask_times_out_on_virtual_time()
    {
        var silent = ActorOf(Props.Create(() => new SilentActor()));
        var reply = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(30));
        await AwaitConditionAsync(() => Scheduler.PendingCount > 0);
        Assert.False(reply.IsCompleted);
        Scheduler.Advance(TimeSpan.FromSeconds(29));
        Assert.False(reply.IsCompleted);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
        Assert.Contains("30000 ms", error.Message);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_ask_with_its_cause()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()));
        var error = await Assert.ThrowsAsync<TestFailure>(() => echo.Ask<string>(new Status.Failure(new TestFailure("nope")), TimeSpan.FromSeconds(1)));
        Assert.Equal("nope", error.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_faults_the_ask()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(1)));
        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_ask()
    {
        var silent = ActorOf(Props.Create(() => new SilentActor()));
        using var cancellation = new CancellationTokenSource();
        var reply = silent.Ask<string>("anyone?", Timeout.InfiniteTimeSpan, cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reply);
    }

    [Fact]
    public async Task Asking_a_stopped_actor_times_out_and_the_request_is_a_dead_letter()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        Task<string>? reply = null;
        EventFilter.DeadLetter<string>().ExpectOne(() => reply = echo.Ask<string>("hello?", TimeSpan.FromSeconds(5)));
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<AskTimeoutException>(() => reply!);
    }

    [Fact]
    public async Task GracefulStop_completes_once_the_actor_has_processed_its_queue_and_stopped()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()));
        echo.Tell("before");
        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(5)));
        ExpectMsg("before");
    }

    private sealed class SilentActor : ReceiveActor
    {
        public SilentActor() => ReceiveAny(_ => { });
    }
}
