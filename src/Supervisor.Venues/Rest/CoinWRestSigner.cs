namespace Supervisor.Venues.Rest;

/// <summary>
/// CoinW REST signing (coinw.md §9.1): <c>sign = Base64(HMAC-SHA256(secret, timestamp + METHOD + path + [?query] + body))</c>
/// with headers <c>api_key</c>, <c>timestamp</c>, <c>sign</c>. The timestamp is a parameter so the caller's clock
/// (the kernel scheduler) decides, not this class.
/// </summary>
public static class CoinWRestSigner
{
    /// <summary>Signs one call; <paramref name="query"/> without the leading '?', exactly as it will be sent.</summary>
    public static SignedRequest Sign(string apiKey, string secret, DateTimeOffset timestamp, string method, string path, string query = "", string body = "")
    {
        var (ts, pathAndQuery, digest) = RestSigning.Sign(secret, timestamp, method, path, query, body);
        var headers = new Dictionary<string, string> { ["api_key"] = apiKey, ["timestamp"] = ts, ["sign"] = Convert.ToBase64String(digest) };
        if (body.Length > 0)
        {
            headers["Content-type"] = "application/json";
        }
        return new SignedRequest(method.ToUpperInvariant(), pathAndQuery, body, headers);
    }
}
