using System.Net.WebSockets;
using System.Text;
using Supervisor.Actors.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Connection;

public sealed class WebSocketPipeTests : ActorSpec
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public async Task Frames_sent_by_the_peer_arrive_whole_and_in_order_with_the_upgrade_headers_seen()
    {
        string? seenHeader = null;
        await using var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            seenHeader = context.Request.Headers["X-Test"];
            await socket.SendAsync(Encoding.UTF8.GetBytes("first"), WebSocketMessageType.Text, true, default);
            // One message in three fragments.
            await socket.SendAsync(Encoding.UTF8.GetBytes("sec"), WebSocketMessageType.Binary, false, default);
            await socket.SendAsync(Encoding.UTF8.GetBytes("o"), WebSocketMessageType.Binary, false, default);
            await socket.SendAsync(Encoding.UTF8.GetBytes("nd"), WebSocketMessageType.Binary, true, default);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", default);
        });
        await using var pipe = await WebSocketPipe.ConnectAsync(server.Uri, new Dictionary<string, string> { ["X-Test"] = "header-value" }, 7, TimeSpan.FromSeconds(5), default);
        pipe.StartReading(TestActor, 1024);
        var first = ExpectMsg<FrameReceived>();
        Assert.Equal("first", Encoding.UTF8.GetString(first.Payload));
        Assert.False(first.IsBinary);
        Assert.Equal(7, first.Generation);
        var second = ExpectMsg<FrameReceived>();
        Assert.Equal("second", Encoding.UTF8.GetString(second.Payload));
        Assert.True(second.IsBinary);
        var closed = ExpectMsg<SocketClosed>();
        Assert.Contains("bye", closed.Reason);
        Assert.Equal("header-value", seenHeader);
    }

    [Fact]
    public async Task An_oversized_message_is_dropped_and_reported_and_later_messages_still_arrive()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async (_, socket) =>
        {
            await socket.SendAsync(new byte[10_000], WebSocketMessageType.Binary, true, default);
            await socket.SendAsync(Encoding.UTF8.GetBytes("small"), WebSocketMessageType.Text, true, default);
            await socket.ReceiveAsync(new byte[16], default);
        });
        await using var pipe = await WebSocketPipe.ConnectAsync(server.Uri, NoHeaders, 1, TimeSpan.FromSeconds(5), default);
        pipe.StartReading(TestActor, 1000);
        var tooLarge = ExpectMsg<FrameTooLarge>();
        Assert.Equal(10_000, tooLarge.Bytes);
        Assert.Equal(1000, tooLarge.Limit);
        Assert.Equal("small", Encoding.UTF8.GetString(ExpectMsg<FrameReceived>().Payload));
    }

    [Fact]
    public async Task Messages_sent_through_the_pipe_reach_the_peer()
    {
        var received = new TaskCompletionSource<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(async (_, socket) =>
        {
            var buffer = new byte[100];
            var result = await socket.ReceiveAsync(buffer, default);
            received.SetResult(Encoding.UTF8.GetString(buffer, 0, result.Count));
            await socket.ReceiveAsync(buffer, default);
        });
        await using var pipe = await WebSocketPipe.ConnectAsync(server.Uri, NoHeaders, 1, TimeSpan.FromSeconds(5), default);
        await pipe.SendAsync(Encoding.UTF8.GetBytes("{\"event\":\"ping\"}"), binary: false, default);
        Assert.Equal("{\"event\":\"ping\"}", await received.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_refused_connection_fails_the_connect_with_a_WebSocketException()
    {
        await Assert.ThrowsAnyAsync<WebSocketException>(() =>
            WebSocketPipe.ConnectAsync(new Uri("ws://127.0.0.1:1/ws"), NoHeaders, 1, TimeSpan.FromSeconds(5), default));
    }

    [Fact]
    public async Task A_reset_connection_is_reported_as_closed()
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, default);
            await socket.ReceiveAsync(new byte[16], default);
            // A TCP reset, no close handshake.
            context.Abort();
        });
        await using var pipe = await WebSocketPipe.ConnectAsync(server.Uri, NoHeaders, 3, TimeSpan.FromSeconds(5), default);
        pipe.StartReading(TestActor, 1000);
        ExpectMsg<FrameReceived>();
        await pipe.SendAsync(Encoding.UTF8.GetBytes("reset me"), binary: false, default);
        var closed = ExpectMsg<SocketClosed>();
        Assert.Equal(3, closed.Generation);
    }
}
