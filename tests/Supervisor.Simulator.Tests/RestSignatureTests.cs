using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Supervisor.Simulator.Tests;

public sealed class RestSignatureTests
{
    private static HttpRequestMessage CoinW(SimulatorHost host, string pathAndQuery, string secret)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(ts + "GET" + pathAndQuery)));
        var req = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HttpBaseUri, pathAndQuery));
        req.Headers.Add("api_key", "cw-key");
        req.Headers.Add("timestamp", ts);
        req.Headers.Add("sign", sign);
        return req;
    }

    private static HttpRequestMessage ChainUp(SimulatorHost host, string pathAndQuery, string secret)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var sign = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(ts + "GET" + pathAndQuery)));
        var req = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HttpBaseUri, pathAndQuery));
        req.Headers.Add("X-CH-APIKEY", "cu-key");
        req.Headers.Add("X-CH-TS", ts);
        req.Headers.Add("X-CH-SIGN", sign);
        return req;
    }

    [Fact]
    public async Task CoinW_signed_request_is_accepted_and_bad_signature_rejected()
    {
        await using var host = await SimFixture.StartAsync();
        using var http = new HttpClient();
        await host.AdvanceAsync(30);
        using var ok = JsonDocument.Parse(await (await http.SendAsync(CoinW(host, "/v1/perpum/positions/all", "cw-secret"))).Content.ReadAsStringAsync());
        Assert.Equal(0, ok.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(host.Truth("cw").Positions.Count, ok.RootElement.GetProperty("data").GetArrayLength());
        using var orders = JsonDocument.Parse(await (await http.SendAsync(CoinW(host, "/v1/perpum/orders/open?positionType=plan", "cw-secret"))).Content.ReadAsStringAsync());
        Assert.Equal(host.Truth("cw").Orders.Count, orders.RootElement.GetProperty("data").GetProperty("rows").GetArrayLength());
        using var bad = JsonDocument.Parse(await (await http.SendAsync(CoinW(host, "/v1/perpum/account/getUserAssets", "wrong"))).Content.ReadAsStringAsync());
        Assert.Equal(6001, bad.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task CoinW_rate_limit_answers_29001()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { RestRequestsPerWindow = 2, RestWindow = TimeSpan.FromMinutes(1) });
        using var http = new HttpClient();
        int last = 0;
        for (int i = 0; i < 3; i++)
        {
            using var doc = JsonDocument.Parse(await (await http.SendAsync(CoinW(host, "/v1/perpum/account/getUserAssets", "cw-secret"))).Content.ReadAsStringAsync());
            last = doc.RootElement.GetProperty("code").GetInt32();
        }
        Assert.Equal(29001, last);
    }

    [Fact]
    public async Task ChainUp_signed_request_is_accepted_rejected_and_rate_limited()
    {
        await using var host = await SimFixture.StartAsync(new SimulatorOptions { RestRequestsPerWindow = 1, RestWindow = TimeSpan.FromMinutes(1) });
        using var http = new HttpClient();
        var ok = await http.SendAsync(ChainUp(host, "/fapi/v1/account", "cu-secret"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var doc = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()))
            Assert.Equal("USDT", doc.RootElement.GetProperty("account")[0].GetProperty("marginCoin").GetString());
        var bad = await http.SendAsync(ChainUp(host, "/fapi/v1/account", "wrong"));
        using (var doc = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
            Assert.Equal(-1022, doc.RootElement.GetProperty("code").GetInt32());
        var limited = await http.SendAsync(ChainUp(host, "/fapi/v1/openOrders", "cu-secret"));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
    }

    [Fact]
    public async Task Truth_endpoint_serves_the_snapshot()
    {
        await using var host = await SimFixture.StartAsync();
        await host.AdvanceAsync(10);
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.HttpBaseUri, "/sim/accounts/cw/truth")));
        Assert.Equal(10, doc.RootElement.GetProperty("step").GetInt64());
        Assert.Equal(host.Truth("cw").Orders.Count, doc.RootElement.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Control_api_lists_accounts_and_rejects_unknown_fault_kinds()
    {
        await using var host = await SimFixture.StartAsync();
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.HttpBaseUri, "/sim/accounts")));
        Assert.Equal("cw-secret", doc.RootElement[0].GetProperty("secret").GetString());
        var bad = await http.PostAsync(new Uri(host.HttpBaseUri, "/sim/faults"),
            new StringContent("{\"kind\":\"Explode\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
