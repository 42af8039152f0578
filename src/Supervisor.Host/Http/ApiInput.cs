using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Supervisor.Host.Http;

/// <summary>
/// The API's parameters, checked before anything else sees them; each refusal is one sentence that names the
/// parameter (hostile values are not echoed back whole).
/// </summary>
internal static partial class ApiInput
{
    /// <summary>The largest page of events one request returns.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The page size when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Null if the path's venue and id have the shape the registry allows, else why not.</summary>
    public static string? CheckAccount(string venue, string id)
    {
        if (!Venue().IsMatch(venue))
        {
            return "venue must be 1 to 32 lower-case letters, digits, '-' or '_' (e.g. coinw, coinlocally)";
        }
        return Id().IsMatch(id) ? null : "id must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit (as in supervisor.registry)";
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>] from the query, <paramref name="fallback"/> when absent.</summary>
    public static (long Value, string? Error) Number(HttpRequest request, string name, long fallback, long min, long max)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return (fallback, null);
        }
        var text = values.Count == 1 ? values[0] : null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (0, $"{name} must be a whole number between {min} and {max}, was '{Shown(values.ToString())}'");
    }

    /// <summary>
    /// <c>at</c>: a sequence number (digits only) or an ISO 8601 timestamp (UTC when it names no offset), not in the
    /// future as of <paramref name="now"/>.
    /// </summary>
    public static (long? Sequence, DateTimeOffset? Time, string? Error) At(HttpRequest request, DateTimeOffset now)
    {
        var values = request.Query["at"];
        const string expected = "a sequence number (e.g. at=42) or an ISO 8601 timestamp (e.g. at=2026-12-02T15:04:05Z)";
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return (null, null, values.Count == 0 ? $"at is required: {expected}" : $"at must be given once: {expected}");
        }
        var text = values[0]!;
        if (text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? (sequence, null, null)
                : (null, null, $"at '{Shown(text)}' is too large for a sequence number");
        }
        if (text.Length >= 10 && text[4] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            return time <= now ? (null, time, null) : (null, null, $"at '{Shown(text)}' is in the future");
        }
        return (null, null, $"at must be {expected}, was '{Shown(text)}'");
    }

    // Enough of a hostile value to recognise it, never a megabyte of it.
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,31}\z")]
    private static partial Regex Venue();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex Id();
}
