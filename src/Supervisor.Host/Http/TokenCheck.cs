using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Supervisor.Host.Http;

/// <summary>
/// Whether a request carries the API token: <c>Authorization: Bearer …</c>, or the cookie <c>GET /?token=…</c> set (a
/// browser's EventSource cannot send headers). Both sides are hashed before the constant-time comparison, so neither the
/// content nor the length of the token leaks through timing.
/// </summary>
internal sealed class TokenCheck(string token)
{
    /// <summary>The cookie that carries the token once <c>/?token=…</c> was opened.</summary>
    public const string CookieName = "supervisor_token";

    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>True if <paramref name="candidate"/> is the token.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    /// <summary>True if the request's bearer header or cookie holds the token.</summary>
    public bool Admits(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()))
        {
            return true;
        }
        return request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie);
    }
}
