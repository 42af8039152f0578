using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Supervisor.Simulator.Faults;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Hosting;

/// <summary>Common part of a venue socket session: a single writer loop (WebSocket allows one sender) and fault hooks.</summary>
internal abstract class SimSession
{
    private readonly Channel<OutFrame> _out = Channel.CreateUnbounded<OutFrame>();
    private readonly CancellationTokenSource _abort = new();

    protected SimSession(WebSocket socket, SimulatorState state)
    {
        Socket = socket;
        State = state;
        LastFrame = state.Options.Time.GetUtcNow();
    }

    protected WebSocket Socket { get; }
    protected SimulatorState State { get; }
    protected DateTimeOffset LastFrame { get; set; }
    protected SimAccount? Account { get; set; }
    protected CancellationToken Aborted => _abort.Token;

    protected void SendText(string text) => _out.Writer.TryWrite(new OutFrame(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, null, null));
    protected void SendBinary(byte[] bytes) => _out.Writer.TryWrite(new OutFrame(bytes, WebSocketMessageType.Binary, null, null));

    /// <summary>Formats a ground-truth change as this venue's pushes.</summary>
    public abstract void OnChange(SimChange change);

    /// <summary>Applies a one-shot fault to this socket.</summary>
    public abstract void Inject(FaultKind kind);

    internal bool Belongs(string accountId) => Account?.Config.Id == accountId;

    protected void Abort() => _abort.Cancel();

    protected abstract Task ReceiveLoopAsync(CancellationToken ct);

    protected abstract Task TimerLoopAsync(CancellationToken ct);

    public async Task RunAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _abort.Token);
        State.Register(this);
        try
        {
            var writer = WriteLoopAsync(linked.Token);
            var timer = TimerLoopAsync(linked.Token);
            try { await ReceiveLoopAsync(linked.Token); }
            catch (OperationCanceledException) { }
            catch (WebSocketException) { }
            await linked.CancelAsync();
            try { await Task.WhenAll(writer, timer); } catch (OperationCanceledException) { } catch (WebSocketException) { }
        }
        finally
        {
            State.Unregister(this);
            if (Account is not null) Account.Changed -= OnChange;
            if (_abort.IsCancellationRequested || Socket.State == WebSocketState.Open) Socket.Abort();
        }
    }

    /// <summary>Closes with a close frame after pending frames are written.</summary>
    protected void CloseAfterPending(WebSocketCloseStatus status, string reason)
        => _out.Writer.TryWrite(new OutFrame([], WebSocketMessageType.Close, status, reason));

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        await foreach (var frame in _out.Reader.ReadAllAsync(ct))
        {
            var faults = Account is null ? null : State.FaultsOf(Account.Config.Id);
            if (faults is { FrameDelay.Ticks: > 0 }) await Task.Delay(faults.FrameDelay, State.Options.Time, ct);
            if (frame.Close is { } status)
            {
                await Socket.CloseOutputAsync(status, frame.Reason, ct);
                // Aborting at once would reset TCP before the peer reads the close frame; give it a grace second.
                _ = Task.Delay(TimeSpan.FromSeconds(1), State.Options.Time, CancellationToken.None)
                    .ContinueWith(static (_, s) => ((SimSession)s!).Abort(), this, TaskScheduler.Default);
                return;
            }
            await Socket.SendAsync(frame.Bytes, frame.Type, true, ct);
        }
    }

    protected async Task<string?> ReceiveTextAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var ms = new MemoryStream();
        while (true)
        {
            var r = await Socket.ReceiveAsync(buffer, ct);
            if (r.MessageType == WebSocketMessageType.Close) return null;
            ms.Write(buffer, 0, r.Count);
            if (ms.Length > 1024 * 1024) return null;
            if (r.EndOfMessage) return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
        }
    }
}
