using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Cluster;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Protocol;
using Supervisor.Actors.State;
using Supervisor.Actors.Tests.Connection;
using Akka.Actor;

namespace Supervisor.Actors.Tests.Protocol;

/// <summary>A ChainUP account end to end on loopback, against a socket written from chainup.md.</summary>
public sealed class ChainUpProtocolTests : ActorSpec
{
    public ChainUpProtocolTests()
    {
    }

    private static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    [Fact]
    public async Task Greeting_sub_and_gzip_pushes_end_in_the_persisted_state_and_SYSTEM_close_reconnects()
    {
        string? seenKey = null;
        var closeNow = new TaskCompletionSource();
        var sessions = 0;
        await using var server = await LoopbackWebSocketServer.StartAsync(async (context, socket) =>
        {
            seenKey = context.Request.Headers["api-key"];
            var firstSession = Interlocked.Increment(ref sessions) == 1;
            await socket.SendAsync("connect success"u8.ToArray(), WebSocketMessageType.Text, true, default);
            while (await LoopbackWebSocketServer.ReceiveTextAsync(context, socket) is { } text)
            {
                using var message = JsonDocument.Parse(text);
                if (message.RootElement.TryGetProperty("ping", out var ping))
                {
                    await socket.SendAsync(Gzip($"{{\"pong\":{ping.GetInt64() + 1}}}"), WebSocketMessageType.Binary, true, default);
                }
                else if (message.RootElement.GetProperty("event").GetString() == "sub" && message.RootElement.GetProperty("broker").GetInt32() == 1003)
                {
                    await socket.SendAsync("sub success"u8.ToArray(), WebSocketMessageType.Text, true, default);
                    await socket.SendAsync(Gzip("""{"channel":"ACCOUNT_UPDATE","uid":2001,"t":"1","d":{"et":"CREATE","a":[{"c":"USDT","an":"5000.00000000","la":"12.5","pn":"250"}],"p":{"id":501,"cn":"E-BTC-USDT","l":10,"pv":25,"op":64000.5,"hm":160.00125,"s":"BUY"}}}"""), WebSocketMessageType.Binary, true, default);
                    await socket.SendAsync(Gzip("""{"channel":"ADL_PRICE","uid":2001,"l":[{"id":501,"al":3,"tp":64100.5}]}"""), WebSocketMessageType.Binary, true, default);
                    if (firstSession)
                    {
                        // Only the first socket is told the system is closing; the reconnected one stays.
                        await closeNow.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { });
                        await socket.SendAsync(Gzip("""{"channel":"SYSTEM","uid":2001,"et":"close"}"""), WebSocketMessageType.Binary, true, default);
                    }
                }
            }
        });
        var account = new AccountDefinition("cu-1", new ChainUpProtocol(server.Uri, new ApiCredentials("cu-key", "cu-secret"), 1003, "coinlocally"));
        var root = LocalAccounts.Start(Sys, new AccountRegistry([account]), new AccountSettings { RandomFactor = 0, MinBackoff = TimeSpan.FromMilliseconds(50) }, a => AccountStateActor.Props(a.Id, a.Venue)).Accounts;
        await AwaitAssertAsync(async () =>
        {
            var state = await root.Ask<AccountState>(new ForAccount("coinlocally", "cu-1", new GetAccountState()), TimeSpan.FromSeconds(5));
            Assert.Equal(ConnectionStatus.Live, state.Connection);
            Assert.Equal(5000m, state.Assets["USDT"].Available);
            Assert.Equal(3, state.AdlRanks["501"].Rank);
            Assert.Equal((64100.5m - 64000.5m) * 25m, state.UnrealizedPnl);
        }, TimeSpan.FromSeconds(15));
        Assert.Equal("cu-key", seenKey);

        closeNow.SetResult();
        await AwaitAssertAsync(async () =>
        {
            var status = (await root.Ask<AccountStatuses>(new GetAccountStatuses(), TimeSpan.FromSeconds(5))).Accounts.Single();
            Assert.True(status.Reconnects >= 1);
            Assert.Equal(ConnectionStatus.Live, status.Connection);
        }, TimeSpan.FromSeconds(15));
    }
}
