using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Akka.Actor;
using Supervisor.Configuration;

namespace Supervisor.Actors.Cluster;

/// <summary>The <c>supervisor.cluster</c> section: whether this node is a cluster member, where it listens, whom it joins.</summary>
/// <param name="Enabled">Off: one node, no remoting. On: a member of the cluster of <paramref name="SeedNodes"/>.</param>
/// <param name="Hostname">The interface remoting binds.</param>
/// <param name="Port">Remoting's TCP port.</param>
/// <param name="PublicHostname">The name the other members reach this one by.</param>
/// <param name="SeedNodes">Addresses of members to join through, as <c>akka.tcp://supervisor@host:port</c>.</param>
/// <param name="Roles">This node's roles; only <see cref="AccountsRole"/> is known.</param>
/// <param name="Shards">The shard count of the account region.</param>
public sealed partial record ClusterSettings(bool Enabled, string Hostname, int Port, string PublicHostname, IReadOnlyList<string> SeedNodes,
    IReadOnlyList<string> Roles, int Shards)
{
    /// <summary>The role of members that host accounts.</summary>
    public const string AccountsRole = "accounts";

    /// <summary>The actor system's name; it is part of every member's address, so every seed node must carry it.</summary>
    public const string SystemName = "supervisor";

    private const string Section = "supervisor.cluster";

    /// <summary>This node's own address, as the others (and the seed list) name it.</summary>
    public string SelfAddress => $"akka.tcp://{SystemName}@{PublicHostname}:{Port}";

    /// <summary>True when this node hosts accounts.</summary>
    public bool HostsAccounts => Roles.Contains(AccountsRole, StringComparer.Ordinal);

    /// <summary>Reads <c>supervisor.cluster</c> of a merged configuration.</summary>
    /// <exception cref="HoconException">A setting out of range or malformed, with its path and position.</exception>
    public static ClusterSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var enabled = config.GetBoolean($"{Section}.enabled");
        var hostname = config.GetString($"{Section}.hostname").Trim();
        if (hostname.Length == 0)
        {
            throw Problem(config, "hostname", "must name an interface (0.0.0.0 for all)");
        }
        if (!IsHost(hostname))
        {
            throw Problem(config, "hostname", $"{Quote(hostname)} is not a host name or IP address");
        }
        // Read as long: GetInt throws a bare OverflowException (no path, no position) beyond an int.
        var port = config.GetLong($"{Section}.port");
        if (port is < 1 or > 65535)
        {
            throw Problem(config, "port", $"must be between 1 and 65535, was {port}");
        }
        var publicHostname = config.GetString($"{Section}.public-hostname").Trim();
        if (publicHostname.Length == 0)
        {
            publicHostname = hostname;
        }
        else if (!IsHost(publicHostname))
        {
            throw Problem(config, "public-hostname", $"{Quote(publicHostname)} is not a host name or IP address");
        }
        if (enabled && publicHostname is "0.0.0.0" or "::")
        {
            throw Problem(config, "public-hostname", $"must name this node as the others reach it when hostname is {hostname}");
        }
        var seeds = SeedNodesOf(config);
        if (enabled && seeds.Count == 0)
        {
            throw Problem(config, "seed-nodes", "must list at least one member to join through (this node's own address to start a new cluster)");
        }
        var roles = config.GetStringList($"{Section}.roles");
        foreach (var role in roles)
        {
            if (role != AccountsRole)
            {
                throw Problem(config, "roles", $"{Quote(role)} is not a known role (known: {AccountsRole})");
            }
        }
        var shards = config.GetLong($"{Section}.shards");
        if (shards is < 1 or > 10_000)
        {
            throw Problem(config, "shards", $"must be between 1 and 10000, was {shards}");
        }
        return new ClusterSettings(enabled, hostname, (int)port, publicHostname, seeds, roles, (int)shards);
    }

    private static List<string> SeedNodesOf(HoconConfig config)
    {
        var path = $"{Section}.seed-nodes";
        var items = config.GetValue(path) is HoconScalar scalar
            ? scalar.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. config.GetStringList(path)];
        var seeds = new List<string>();
        foreach (var item in items)
        {
            // Akka's parser takes what Uri takes: control characters in the host, a path, a query. The shape is checked first.
            var shape = MemberAddress().Match(item);
            if (!shape.Success || !IsHost(shape.Groups["host"].Value) || !Address.TryParse(item, out var address) || address.Host is null
                || address.Port is null or < 1 or > 65535)
            {
                throw Problem(config, "seed-nodes", $"{Quote(item)} is not a member address (akka.tcp://{SystemName}@HOST:PORT)");
            }
            if (address.System != SystemName)
            {
                throw Problem(config, "seed-nodes", $"{Quote(item)} names the actor system {Quote(address.System)}; every member's is '{SystemName}'");
            }
            seeds.Add(address.ToString());
        }
        return seeds;
    }

    // A DNS name of ASCII labels, or an IPv4 or (bracketed or not) IPv6 literal.
    private static bool IsHost(string host) =>
        host.Length <= 253 && (HostName().IsMatch(host) || IPAddress.TryParse(host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host, out _));

    // The operator's text in a problem: quoted, control and invisible characters escaped, at most 100 characters, so a
    // hostile value can neither forge console lines nor flood them.
    private static string Quote(string text)
    {
        const int Shown = 100;
        var quoted = new StringBuilder("'");
        foreach (var c in text.Length > Shown ? text[..Shown] : text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate)
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                quoted.Append(c);
            }
        }
        quoted.Append('\'');
        if (text.Length > Shown)
        {
            quoted.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        }
        return quoted.ToString();
    }

    [GeneratedRegex(@"\A[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z")]
    private static partial Regex HostName();

    [GeneratedRegex(@"\Aakka\.tcp://[A-Za-z0-9][A-Za-z0-9_-]*@(?<host>\[[0-9A-Fa-f:.]+\]|[^:/?#@\[\]]+):[0-9]{1,5}/?\z")]
    private static partial Regex MemberAddress();

    private static HoconException Problem(HoconConfig config, string key, string message) =>
        config.GetValue($"{Section}.{key}") is { } value
            ? new HoconException($"'{Section}.{key}' {message}", value.Origin)
            : new HoconException($"'{Section}.{key}' {message}");
}
