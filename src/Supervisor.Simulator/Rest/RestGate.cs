using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Supervisor.Simulator.Model;

namespace Supervisor.Simulator.Rest;

/// <summary>
/// What both venues check before answering a private REST call, written from the venue documents (not from the
/// client's signer): the API key, the timestamp window, the HMAC-SHA256 of <c>timestamp + METHOD + path?query + body</c>,
/// and a per-key requests-per-second limit.
/// </summary>
internal sealed class RestGate(IReadOnlyDictionary<string, AccountModel> byKey, SimulatorOptions options)
{
    private readonly ConcurrentDictionary<string, Queue<long>> _calls = new(StringComparer.Ordinal);
    private readonly long _start = options.TimeProvider.GetTimestamp();

    public RestCheck Check(HttpContext context, string keyHeader, string timestampHeader, string signHeader, Func<byte[], string> encode)
    {
        var headers = context.Request.Headers;
        var key = headers[keyHeader].ToString();
        var timestamp = headers[timestampHeader].ToString();
        var sign = headers[signHeader].ToString();
        if (timestamp.Length == 0)
        {
            return RestCheck.MissingTimestamp;
        }
        if (sign.Length == 0)
        {
            return RestCheck.MissingSignature;
        }
        if (!byKey.TryGetValue(key, out var model))
        {
            return RestCheck.UnknownKey;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || (options.RestTimestampTolerance is { } tolerance && Math.Abs(options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() - ms) > tolerance.TotalMilliseconds))
        {
            return RestCheck.BadTimestamp;
        }
        var signed = timestamp + context.Request.Method.ToUpperInvariant() + context.Request.Path + context.Request.QueryString;
        var expected = encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(model.Account.Secret), Encoding.UTF8.GetBytes(signed)));
        if (!string.Equals(expected, sign, StringComparison.OrdinalIgnoreCase))
        {
            return RestCheck.BadSignature;
        }
        if (model.Faults.RateLimitRest || !Admit(key))
        {
            return RestCheck.RateLimited;
        }
        return new RestCheck(RestVerdict.Ok, model);
    }

    private bool Admit(string key)
    {
        // Milliseconds on the simulator's clock, so a manual clock opens the next window.
        var now = (long)options.TimeProvider.GetElapsedTime(_start).TotalMilliseconds;
        var calls = _calls.GetOrAdd(key, _ => new Queue<long>());
        lock (calls)
        {
            while (calls.Count > 0 && now - calls.Peek() >= 1000)
            {
                calls.Dequeue();
            }
            if (calls.Count >= options.RestRequestsPerSecond)
            {
                return false;
            }
            calls.Enqueue(now);
            return true;
        }
    }
}
