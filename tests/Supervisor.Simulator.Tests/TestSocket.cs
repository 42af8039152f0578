using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;

namespace Supervisor.Simulator.Tests;

/// <summary>A client socket for tests: sends text, receives whole messages (gzip inflated for reading), sees closes.</summary>
internal sealed class TestSocket : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private Task<(byte[] Frame, bool Binary)?>? _pending;

    private TestSocket()
    {
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<TestSocket> ConnectAsync(Uri uri, IReadOnlyDictionary<string, string>? headers = null)
    {
        var test = new TestSocket();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            test._socket.Options.SetRequestHeader(name, value);
        }
        await test._socket.ConnectAsync(uri, default);
        return test;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public Task SendAsync(byte[] frame) => _socket.SendAsync(frame, WebSocketMessageType.Text, true, default);

    /// <summary>The next message as sent (raw bytes, binary flag); null when the server closed.</summary>
    public Task<(byte[] Frame, bool Binary)?> ReceiveRawAsync()
    {
        // A receive left running by ReceivesWithinAsync owns the next message.
        var pending = _pending;
        _pending = null;
        return pending ?? ReceiveNextAsync();
    }

    private async Task<(byte[] Frame, bool Binary)?> ReceiveNextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (message.ToArray(), result.MessageType == WebSocketMessageType.Binary);
            }
        }
    }

    /// <summary>The next message as text (binary frames gunzipped).</summary>
    public async Task<string> ReceiveAsync()
    {
        var raw = await ReceiveRawAsync() ?? throw new InvalidOperationException($"closed: {CloseStatus} {CloseDescription}");
        if (!raw.Binary)
        {
            return Encoding.UTF8.GetString(raw.Frame);
        }
        using var gzip = new GZipStream(new MemoryStream(raw.Frame), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Messages until one contains <paramref name="fragment"/>; returns it.</summary>
    public async Task<string> ReceiveUntilAsync(string fragment)
    {
        while (true)
        {
            var text = await ReceiveAsync();
            if (text.Contains(fragment, StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    /// <summary>Reads until the server ends the connection: true when it closed with a handshake, false when it reset it.</summary>
    public async Task<bool> ReceiveEndAsync()
    {
        try
        {
            while (await ReceiveRawAsync() is not null)
            {
            }
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    /// <summary>Whether a message arrives within <paramref name="window"/> of real time: for checking that one does not, while a virtual clock stands still.</summary>
    public async Task<bool> ReceivesWithinAsync(TimeSpan window)
    {
        var receive = ReceiveRawAsync();
        if (await Task.WhenAny(receive, Task.Delay(window)) == receive)
        {
            _pending = receive;
            return true;
        }
        _pending = receive;
        return false;
    }

    public void Dispose() => _socket.Dispose();
}
