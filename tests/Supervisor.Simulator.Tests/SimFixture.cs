namespace Supervisor.Simulator.Tests;

/// <summary>Helpers to start a simulator with fixed accounts and no live activity timer.</summary>
internal static class SimFixture
{
    public static readonly SimAccountConfig CoinW = new("cw", SimVenue.CoinW, "cw-key", "cw-secret", 1162061);
    public static readonly SimAccountConfig ChainUp = new("cu", SimVenue.ChainUp, "cu-key", "cu-secret", 2001, "cu-token", 1003);

    public static Task<SimulatorHost> StartAsync(SimulatorOptions? options = null)
        => SimulatorHost.StartAsync((options ?? new SimulatorOptions()) with
        {
            Accounts = [CoinW, ChainUp], ActivityInterval = null, Url = "http://127.0.0.1:0",
        }, CancellationToken.None);

    public static async Task<TestSocket> CoinWLoggedInAsync(SimulatorHost host, params string[] types)
    {
        var s = await TestSocket.ConnectAsync(host.CoinWSocketUri);
        await s.SendAsync("{\"event\":\"login\",\"params\":{\"api_key\":\"cw-key\",\"passphrase\":\"cw-secret\"}}");
        await s.ReceiveAsync();
        foreach (var t in types)
        {
            await s.SendAsync("{\"event\":\"sub\",\"params\":{\"biz\":\"futures\",\"type\":\"" + t + "\"}}");
            await s.ReceiveAsync();
        }
        return s;
    }

    public static async Task<TestSocket> ChainUpSubscribedAsync(SimulatorHost host)
    {
        var s = await TestSocket.ConnectAsync(host.ChainUpSocketUri, ("api-key", "cu-key"));
        Assert.Equal("connect success", await s.ReceiveAsync());
        await s.SendAsync("{\"event\":\"sub\",\"apiKey\":\"cu-key\",\"broker\":1003}");
        Assert.Equal("sub success", await s.ReceiveAsync());
        return s;
    }
}
