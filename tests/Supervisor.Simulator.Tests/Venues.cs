using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>The accounts and sign-ins the tests use.</summary>
internal static class Venues
{
    public static readonly SimAccount CoinW = new("cw1", "coinw", "cw-key", "cw-secret");
    public static readonly SimAccount ChainUp = new("cl1", "coinlocally", "cl-key", "cl-secret");

    public static SimulatorOptions Options(TimeProvider? clock = null) =>
        new() { Accounts = [CoinW, ChainUp], TickInterval = null, TimeProvider = clock ?? TimeProvider.System };

    /// <summary>A CoinW socket logged in and subscribed to the four private channels, every ack read.</summary>
    public static async Task<TestSocket> CoinWPrivateAsync(SimulatorHost host)
    {
        var socket = await TestSocket.ConnectAsync(host.CoinWUri);
        await socket.SendAsync($$$"""{"event":"login","params":{"api_key":"{{{CoinW.ApiKey}}}","passphrase":"{{{CoinW.Secret}}}"}}""");
        Assert.Contains("\"result\":true", await socket.ReceiveAsync());
        foreach (var type in new[] { "order", "position", "position_change", "assets" })
        {
            await socket.SendAsync($$$"""{"event":"sub","params":{"biz":"futures","type":"{{{type}}}"}}""");
            Assert.Contains("\"result\":true", await socket.ReceiveAsync());
        }
        return socket;
    }

    /// <summary>A ChainUP private socket past <c>connect success</c> and <c>sub success</c>.</summary>
    public static async Task<TestSocket> ChainUpPrivateAsync(SimulatorHost host)
    {
        var socket = await TestSocket.ConnectAsync(host.ChainUpUri, new Dictionary<string, string> { ["api-key"] = ChainUp.ApiKey });
        Assert.Equal("connect success", await socket.ReceiveAsync());
        await socket.SendAsync($$"""{"event":"sub","apiKey":"{{ChainUp.ApiKey}}","broker":{{ChainUp.Broker}}}""");
        Assert.Equal("sub success", await socket.ReceiveAsync());
        return socket;
    }

    /// <summary>
    /// Steps the activity once and returns how many frames the account's private socket gets for it: every change
    /// on CoinW (all four channels subscribed), every change but fills on ChainUP (no fill channel).
    /// </summary>
    public static int StepAndCountFrames(SimulatorHost host, SimAccount account)
    {
        var before = host.Truth(account.Id);
        host.Step();
        var after = host.Truth(account.Id);
        var changes = (int)(after.Changes - before.Changes);
        return account.IsChainUp ? changes - (int)(after.Fills - before.Fills) : changes;
    }

    /// <summary>Steps the activity, reading every frame it pushes, until the account holds a position.</summary>
    public static async Task StepUntilAPositionIsOpenAsync(SimulatorHost host, SimAccount account, TestSocket socket)
    {
        while (host.Truth(account.Id).Positions.Count == 0)
        {
            for (var frames = StepAndCountFrames(host, account); frames > 0; frames--)
            {
                await socket.ReceiveAsync();
            }
        }
    }
}
