namespace Supervisor.Venues.Rest;

/// <summary>
/// ChainUP-cloud REST signing (chainup.md §4.1): <c>X-CH-SIGN = hex(HMAC-SHA256(secret, TS + METHOD + requestPath[?query] + body))</c>
/// with <c>X-CH-APIKEY</c> and <c>X-CH-TS</c>; lower-case hex.
/// </summary>
public static class ChainUpRestSigner
{
    /// <summary>Signs one call; <paramref name="query"/> without the leading '?', exactly as it will be sent.</summary>
    public static SignedRequest Sign(string apiKey, string secret, DateTimeOffset timestamp, string method, string path, string query = "", string body = "")
    {
        var (ts, pathAndQuery, digest) = RestSigning.Sign(secret, timestamp, method, path, query, body);
        var headers = new Dictionary<string, string>
        {
            ["X-CH-APIKEY"] = apiKey,
            ["X-CH-TS"] = ts,
            ["X-CH-SIGN"] = Convert.ToHexStringLower(digest),
            ["Content-Type"] = "application/json",
        };
        return new SignedRequest(method.ToUpperInvariant(), pathAndQuery, body, headers);
    }
}
