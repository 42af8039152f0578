using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Supervisor.Simulator.Tests;

/// <summary>A ClientWebSocket with timed receives that inflates gzip binary frames.</summary>
internal sealed class TestSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();

    public WebSocket Raw => _ws;

    public static async Task<TestSocket> ConnectAsync(Uri uri, params (string Name, string Value)[] headers)
    {
        var s = new TestSocket();
        s._ws.Options.SetRequestHeader("x-test", "1");
        foreach (var (n, v) in headers) s._ws.Options.SetRequestHeader(n, v);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await s._ws.ConnectAsync(uri, cts.Token);
        return s;
    }

    public Task SendAsync(string text)
        => _ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Next frame as text (gzip inflated), or null when the socket closed/aborted.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan? timeout = null, int maxBytes = 16 * 1024 * 1024)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        try
        {
            while (true)
            {
                var r = await _ws.ReceiveAsync(buffer, cts.Token);
                if (r.MessageType == WebSocketMessageType.Close) return null;
                ms.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                if (r.MessageType == WebSocketMessageType.Text) return Encoding.UTF8.GetString(ms.ToArray());
                ms.Position = 0;
                using var gz = new GZipStream(ms, CompressionMode.Decompress);
                using var output = new MemoryStream();
                var chunk = new byte[64 * 1024];
                int n;
                while ((n = gz.Read(chunk)) > 0)
                {
                    output.Write(chunk, 0, n);
                    if (output.Length > maxBytes) throw new InvalidDataException("gzip bomb: inflated beyond " + maxBytes);
                }
                return Encoding.UTF8.GetString(output.ToArray());
            }
        }
        catch (WebSocketException) { return null; }
    }

    /// <summary>Receives until a frame satisfies the predicate.</summary>
    public async Task<JsonDocument> ReceiveUntilAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            var text = await ReceiveAsync(deadline - DateTime.UtcNow) ?? throw new InvalidOperationException("socket closed");
            if (!text.StartsWith('{')) continue;
            var doc = JsonDocument.Parse(text);
            if (match(doc.RootElement)) return doc;
        }
        throw new TimeoutException("no matching frame");
    }

    public ValueTask DisposeAsync()
    {
        _ws.Abort();
        _ws.Dispose();
        return ValueTask.CompletedTask;
    }
}
