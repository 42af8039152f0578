using System.Text.RegularExpressions;
using Supervisor.Actors.Accounts;
using Supervisor.Actors.Connection;
using Supervisor.Actors.Market;
using Supervisor.Actors.Protocol;
using Supervisor.Configuration;
using Supervisor.Venues.CoinW;
using Supervisor.Venues.Rest;

namespace Supervisor.Actors.Configuration;

/// <summary>
/// The product's settings read from HOCON (the <c>supervisor</c> section, reference.conf below it): how accounts are
/// kept alive, the venues, and the account registry with its credentials. Every problem is collected, so an operator
/// sees all of them at once, each with its file position and setting path.
/// </summary>
public sealed partial class SupervisorConfiguration
{
    private const string Registry = "supervisor.registry";

    private SupervisorConfiguration(AccountSettings accounts, IReadOnlyList<AccountDefinition> registry, IReadOnlyList<IMarketDataProtocol> marketData,
        TimeSpan statusInterval, int snapshotEvery, TimeSpan reconcileRetry, HoconConfig config)
    {
        MarketData = marketData;
        ReconcileRetry = reconcileRetry;
        SnapshotEvery = snapshotEvery;
        Accounts = accounts;
        AccountDefinitions = registry;
        StatusInterval = statusInterval;
        Config = config;
    }

    /// <summary>Reconnect, authentication-retry and socket settings shared by every account.</summary>
    public AccountSettings Accounts { get; }

    /// <summary>The enabled accounts of the registry, each with its venue protocol and credentials.</summary>
    public IReadOnlyList<AccountDefinition> AccountDefinitions { get; }

    /// <summary>The venues' shared market-data connections (supervisor.venues.coinw.market-data); the root opens one once its venue has an account.</summary>
    public IReadOnlyList<IMarketDataProtocol> MarketData { get; }

    /// <summary>Persisted events between snapshots of an account's state (supervisor.accounts.snapshot-every).</summary>
    public int SnapshotEvery { get; }

    /// <summary>Pushes held back while a snapshot is fetched (supervisor.accounts.reconcile-max-buffered-frames).</summary>
    public int ReconcileMaxBufferedFrames { get; private init; } = Actors.State.AccountStateActor.DefaultMaxBufferedFrames;

    /// <summary>Delay before a failed REST snapshot is retried (supervisor.accounts.reconcile-retry).</summary>
    public TimeSpan ReconcileRetry { get; }

    /// <summary>Whether and how this node is a cluster member (supervisor.cluster).</summary>
    public Cluster.ClusterSettings Cluster { get; private init; } = null!;

    /// <summary>How often <c>supervisor run</c> checks its file for registry changes; zero for never (supervisor.run.reload-interval).</summary>
    public TimeSpan ReloadInterval { get; private init; }

    /// <summary>How often <c>supervisor run</c> prints a summary line.</summary>
    public TimeSpan StatusInterval { get; }

    /// <summary>The merged configuration (reference defaults included).</summary>
    public HoconConfig Config { get; }

    /// <summary>Reads everything; throws <see cref="SupervisorConfigurationException"/> listing every problem.</summary>
    public static SupervisorConfiguration Read(HoconConfig config, CredentialSource credentials)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = new List<string>();
        var merged = HoconLoader.Load(config);
        var reader = new Reader(problems);
        var accounts = reader.Try(() => ReadAccountSettings(merged), new AccountSettings());
        var statusInterval = reader.Try(() => Positive(merged, "supervisor.run.status-interval"), TimeSpan.FromSeconds(10));
        var reloadInterval = reader.Try(() => merged.GetTimeSpan("supervisor.run.reload-interval") is var t && t >= TimeSpan.Zero ? t
            : throw new HoconException("'supervisor.run.reload-interval' must be zero (off) or a positive duration", merged.GetValue("supervisor.run.reload-interval")!.Origin), TimeSpan.Zero);
        var snapshotEvery = reader.Try(() => merged.GetInt("supervisor.accounts.snapshot-every") is var n and >= 1 ? n
            : throw new HoconException("'supervisor.accounts.snapshot-every' must be at least 1", merged.GetValue("supervisor.accounts.snapshot-every")!.Origin), 500);
        var reconcileRetry = reader.Try(() => Positive(merged, "supervisor.accounts.reconcile-retry"), TimeSpan.FromSeconds(5));
        var reconcile = reader.Try(() => merged.GetBoolean("supervisor.accounts.reconcile"), true);
        var maxBuffered = reader.Try(() => merged.GetInt("supervisor.accounts.reconcile-max-buffered-frames") is var m and >= 1 ? m
            : throw new HoconException("'supervisor.accounts.reconcile-max-buffered-frames' must be at least 1", merged.GetValue("supervisor.accounts.reconcile-max-buffered-frames")!.Origin),
            Actors.State.AccountStateActor.DefaultMaxBufferedFrames);
        var registry = ReadRegistry(merged, credentials, reader, reconcile);
        var marketData = reader.Try(() => ReadMarketData(merged), []);
        var cluster = reader.Try(() => Actors.Cluster.ClusterSettings.FromConfig(merged), null);
        if (problems.Count > 0)
        {
            throw new SupervisorConfigurationException(problems);
        }
        return new SupervisorConfiguration(accounts, registry, marketData, statusInterval, snapshotEvery, reconcileRetry, merged) { ReloadInterval = reloadInterval, ReconcileMaxBufferedFrames = maxBuffered, Cluster = cluster! };
    }

    private static AccountSettings ReadAccountSettings(HoconConfig c) => new()
    {
        MinBackoff = Positive(c, "supervisor.accounts.reconnect.min-backoff"),
        MaxBackoff = Positive(c, "supervisor.accounts.reconnect.max-backoff"),
        RandomFactor = c.GetDouble("supervisor.accounts.reconnect.random-factor"),
        ResetAfter = Positive(c, "supervisor.accounts.reconnect.reset-after"),
        AuthRetry = Positive(c, "supervisor.accounts.auth-retry"),
        Connection = new ConnectionSettings
        {
            ConnectTimeout = Positive(c, "supervisor.connection.connect-timeout"),
            HandshakeTimeout = Positive(c, "supervisor.connection.handshake-timeout"),
            MaxFrameBytes = checked((int)c.GetByteSize("supervisor.connection.max-frame-bytes")),
            MaxBadFrames = c.GetInt("supervisor.connection.max-bad-frames"),
            BadFrameWindow = Positive(c, "supervisor.connection.bad-frame-window"),
        }.Validate(),
    };

    // The root starts each one only once its venue has an account (at start or added by a reload).
    private static List<IMarketDataProtocol> ReadMarketData(HoconConfig c)
    {
        var coinw = c.GetBoolean("supervisor.venues.coinw.market-data")
            ? Venue(c, "supervisor.venues.coinw")
            : null;
        return coinw is { } settings
            ? [new CoinWMarketProtocol(Url(c, "supervisor.venues.coinw.url")) { Heartbeat = settings.Heartbeat, SubscriptionSettings = settings.Subscriptions }]
            : [];
    }

    private static TimeSpan Positive(HoconConfig c, string path)
    {
        var value = c.GetTimeSpan(path);
        return value > TimeSpan.Zero ? value : throw new HoconException($"'{path}' must be a positive duration, was {value}", c.GetValue(path)!.Origin);
    }

    private static List<AccountDefinition> ReadRegistry(HoconConfig c, CredentialSource credentials, Reader reader, bool reconcile)
    {
        var definitions = new List<AccountDefinition>();
        var entries = reader.Try(() => c.GetConfigList(Registry), []);
        var coinw = reader.Try(() => Venue(c, "supervisor.venues.coinw"), null);
        var chainup = reader.Try(() => Venue(c, "supervisor.venues.chainup"), null);
        var tenants = reader.Try(() => c.GetConfig("supervisor.venues.chainup.tenants").Root.Fields.Select(f => f.Key).ToList(), []);
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"{Registry}[{i}]";
            var definition = reader.Try(() =>
            {
                if (!entry.GetBoolean("enabled", true))
                {
                    return null;
                }
                var id = entry.GetString("id", null) ?? throw new HoconException($"{path}.id is missing", entry.Root.Origin);
                if (!AccountId().IsMatch(id))
                {
                    throw new HoconException($"{path}.id '{id}' must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit", entry.GetValue("id")!.Origin);
                }
                var venue = entry.GetString("venue", null) ?? throw new HoconException($"{path}.venue is missing", entry.Root.Origin);
                if (venue != CoinWCodec.Venue && !tenants.Contains(venue))
                {
                    throw new HoconException(
                        $"{path}.venue '{venue}' is not a known venue (coinw, or a ChainUP tenant under supervisor.venues.chainup.tenants: {string.Join(", ", tenants)})",
                        entry.GetValue("venue")!.Origin);
                }
                if (!seen.Add((venue, id)))
                {
                    throw new HoconException($"{path}: account {id} on {venue} is listed twice", entry.Root.Origin);
                }
                var api = new ApiCredentials(credentials.Read(entry, "api-key", path), credentials.Read(entry, "secret", path));
                var venuePath = venue == CoinWCodec.Venue ? "supervisor.venues.coinw" : $"supervisor.venues.chainup.tenants.{venue}";
                var broker = venue == CoinWCodec.Venue ? 0 : entry.GetInt("broker", c.GetInt($"{venuePath}.broker"));
                ISnapshotClient? snapshots = !reconcile ? null : venue == CoinWCodec.Venue
                    ? new CoinWSnapshotClient(RestHttp.Shared, RestUrl(c, venuePath + ".rest-url"), api.ApiKey, api.Secret, TimeProvider.System)
                    : new ChainUpSnapshotClient(RestHttp.Shared, RestUrl(c, venuePath + ".rest-url"), api.ApiKey, api.Secret, TimeProvider.System);
                IVenueProtocol protocol = venue == CoinWCodec.Venue
                    ? new CoinWProtocol(Url(c, "supervisor.venues.coinw.url"), api) { Heartbeat = coinw!.Value.Heartbeat, SubscriptionSettings = coinw.Value.Subscriptions }
                    : new ChainUpProtocol(Url(c, $"supervisor.venues.chainup.tenants.{venue}.url"), api, broker, venue)
                    {
                        Heartbeat = chainup!.Value.Heartbeat,
                        SubscriptionSettings = chainup.Value.Subscriptions,
                    };
                var restUrl = reconcile ? c.GetString(venuePath + ".rest-url") : "";
                return new AccountDefinition(id, protocol)
                {
                    Snapshots = snapshots,
                    Fingerprint = FingerprintOf(venue, id, protocol.Endpoint.ToString(), restUrl, broker, api),
                };
            }, null);
            if (definition is not null)
            {
                definitions.Add(definition);
            }
        }
        return definitions;
    }

    // SHA-256 of the fields, length-prefixed so that no two different definitions can run together into the same text.
    private static string FingerprintOf(string venue, string id, string endpoint, string restUrl, int broker, ApiCredentials api)
    {
        var text = string.Join("", new[] { venue, id, endpoint, restUrl, broker.ToString(System.Globalization.CultureInfo.InvariantCulture), api.ApiKey, api.Secret }
            .Select(part => $"{part.Length}:{part}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static (HeartbeatSettings Heartbeat, SubscriptionSettings Subscriptions)? Venue(HoconConfig c, string path) => (
        new HeartbeatSettings
        {
            Interval = c.GetTimeSpan(path + ".heartbeat.interval"),
            PongTimeout = c.GetTimeSpan(path + ".heartbeat.pong-timeout"),
            SilenceTimeout = c.GetTimeSpan(path + ".heartbeat.silence-timeout"),
        }.Validate(path + ".heartbeat"),
        new SubscriptionSettings
        {
            MaxRequestsPerWindow = c.GetInt(path + ".subscriptions.max-requests-per-window"),
            Window = c.GetTimeSpan(path + ".subscriptions.window"),
            AckTimeout = c.GetTimeSpan(path + ".subscriptions.ack-timeout"),
            MaxRejections = c.GetInt(path + ".subscriptions.max-rejections"),
        }.Validate(path + ".subscriptions"));

    private static Uri Url(HoconConfig c, string path)
    {
        var text = c.GetString(path);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new HoconException($"'{path}' must be a ws:// or wss:// URL, was \"{text}\"", c.GetValue(path)!.Origin);
    }

    private static Uri RestUrl(HoconConfig c, string path)
    {
        var text = c.GetString(path);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new HoconException($"'{path}' must be an http:// or https:// URL, was \"{text}\"", c.GetValue(path)!.Origin);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AccountId();

    private sealed class Reader(List<string> problems)
    {
        public T Try<T>(Func<T> read, T fallback)
        {
            try
            {
                return read();
            }
            catch (HoconException e)
            {
                problems.Add(e.Message);
            }
            catch (ArgumentOutOfRangeException e)
            {
                problems.Add(e.Message.Split(" (Parameter", 2)[0]);
            }
            catch (OverflowException e)
            {
                problems.Add(e.Message);
            }
            return fallback;
        }
    }
}
