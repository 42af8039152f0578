using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Tests;

/// <summary>Signed REST GETs written from the venue documents (not the client's snapshot clients), answering raw JSON.</summary>
internal static class SignedRest
{
    private static readonly HttpClient Http = new();

    /// <summary>The body of a signed GET: CoinW's <c>data</c>, ChainUP's whole answer.</summary>
    public static async Task<JsonElement> GetAsync(SimulatorHost host, SimAccount account, string pathAndQuery, TimeProvider clock)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(account.Secret), Encoding.UTF8.GetBytes(timestamp + "GET" + pathAndQuery));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUri, pathAndQuery));
        if (account.IsChainUp)
        {
            request.Headers.Add("X-CH-APIKEY", account.ApiKey);
            request.Headers.Add("X-CH-TS", timestamp);
            request.Headers.Add("X-CH-SIGN", Convert.ToHexStringLower(mac));
        }
        else
        {
            request.Headers.Add("api_key", account.ApiKey);
            request.Headers.Add("timestamp", timestamp);
            request.Headers.Add("sign", Convert.ToBase64String(mac));
        }
        using var response = await Http.SendAsync(request);
        var body = RawJson.Parse(await response.Content.ReadAsStringAsync());
        if (account.IsChainUp)
        {
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            return body;
        }
        Assert.Equal(0, body.GetProperty("code").GetInt32());
        return body.GetProperty("data");
    }
}
