using Supervisor.Actors.Configuration;
using Supervisor.Configuration;

namespace Supervisor.Host.Http;

/// <summary>The <c>supervisor.http</c> section: where the API listens, its token and the limits that protect the process.</summary>
internal sealed record HttpSettings
{
    private const string Section = "supervisor.http";

    /// <summary>Whether the command serves HTTP at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Where Kestrel listens: http://HOST:PORT, port 0 for a free one.</summary>
    public string Url { get; init; } = "http://127.0.0.1:8080";

    /// <summary>The bearer token; null when none is configured (run refuses that, see <see cref="RequireToken"/>).</summary>
    public string? Token { get; init; }

    /// <summary>Concurrent <c>/api/stream</c> clients.</summary>
    public int MaxStreams { get; init; } = 16;

    /// <summary>Accounts with an undelivered change a stream client may fall behind by before it is dropped.</summary>
    public int StreamBuffer { get; init; } = 1024;

    /// <summary>How often a stream polls the statuses for changes.</summary>
    public TimeSpan StreamStatusInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the API waits for the actors (per node in a cluster).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads <c>supervisor.http</c> of a merged configuration; the token through <paramref name="credentials"/>, as API secrets are.</summary>
    /// <exception cref="HoconException">A value out of range, with the setting's position.</exception>
    public static HttpSettings FromConfig(HoconConfig config, CredentialSource credentials)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(credentials);
        var section = config.GetConfig(Section);
        var settings = new HttpSettings
        {
            Enabled = config.GetBoolean(Section + ".enabled"),
            Url = ValidUrl(config.GetString(Section + ".url"), config.GetValue(Section + ".url")?.Origin),
            // Null (the default) is "not configured"; anything else goes through the same reader as the accounts' secrets.
            Token = section.HasPath("token") ? credentials.Read(section, "token", Section) : null,
            MaxStreams = Range(config, "max-streams", 1, 1000),
            StreamBuffer = Range(config, "stream-buffer", 16, 1_000_000),
            StreamStatusInterval = Duration(config, "stream-status-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)),
            AskTimeout = Duration(config, "ask-timeout", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)),
        };
        return settings;
    }

    /// <summary>The same settings listening on <paramref name="url"/> (the <c>--http</c> option), checked as the setting is.</summary>
    /// <exception cref="ArgumentException">Not an http://HOST:PORT URL.</exception>
    public HttpSettings WithUrl(string url) => this with { Url = ValidUrl(url, origin: null) };

    /// <summary>Null if <paramref name="url"/> is a URL Kestrel can be given here, else why not.</summary>
    public static string? CheckUrl(string url)
    {
        try
        {
            ValidUrl(url, origin: null);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>Null if a token is configured, else why an API that can see balances must not start without one.</summary>
    public string? RequireToken() => !Enabled || Token is { Length: > 0 } ? null
        : "supervisor.http.token is not set: refusing to serve an unauthenticated API that shows balances and positions. "
          + "Set it (a string, { env = NAME } or { file = PATH }), or turn the API off with supervisor.http.enabled = off.";

    private static string ValidUrl(string text, ConfigOrigin? origin)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/" && uri.Query.Length == 0
            && uri.UserInfo.Length == 0 && text.Contains(':' + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return $"http://{uri.Authority}";
        }
        var message = $"'{Section}.url' must be http://HOST:PORT (port 0: any free one; no path; https is not served), was \"{text}\"";
        throw origin is { } at ? new HoconException(message, at) : new ArgumentException(message);
    }

    private static int Range(HoconConfig config, string key, int min, int max)
    {
        var value = config.GetInt($"{Section}.{key}");
        return value >= min && value <= max ? value
            : throw new HoconException($"'{Section}.{key}' must be between {min} and {max}, was {value}", config.GetValue($"{Section}.{key}")!.Origin);
    }

    private static TimeSpan Duration(HoconConfig config, string key, TimeSpan min, TimeSpan max)
    {
        var value = config.GetTimeSpan($"{Section}.{key}");
        return value >= min && value <= max ? value
            : throw new HoconException($"'{Section}.{key}' must be between {min.TotalSeconds}s and {max.TotalSeconds}s, was {value.TotalSeconds}s",
                config.GetValue($"{Section}.{key}")!.Origin);
    }
}
