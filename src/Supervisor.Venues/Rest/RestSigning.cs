using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Supervisor.Venues.Rest;

/// <summary>What both venues sign: <c>timestamp + METHOD + path[?query] + body</c>, HMAC-SHA256 keyed with the secret.</summary>
internal static class RestSigning
{
    public static (string Timestamp, string PathAndQuery, byte[] Digest) Sign(string secret, DateTimeOffset timestamp, string method, string path, string query, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var ts = timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var pathAndQuery = query.Length > 0 ? $"{path}?{query}" : path;
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(ts + method.ToUpperInvariant() + pathAndQuery + body));
        return (ts, pathAndQuery, digest);
    }
}
