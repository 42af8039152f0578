using Supervisor.Actors.Connection;
using Supervisor.Venues.Decoding;

namespace Supervisor.Actors.Metrics;

/// <summary>Tag names and the closed sets of values the instruments use; created once, so no measurement builds a string.</summary>
internal static class MetricTags
{
    public const string Node = "node";
    public const string Venue = "venue";
    public const string Status = "status";
    public const string Reason = "reason";
    public const string Kind = "kind";

    /// <summary>The decode error kinds by <see cref="DecodeErrorKind"/> value, then <see cref="UnknownKind"/>.</summary>
    public static readonly string[] DecodeKinds = ["too_large", "malformed_json", "too_deep", "unexpected_shape", "bad_compression", "unknown"];

    /// <summary>The connection statuses by <see cref="ConnectionStatus"/> value.</summary>
    public static readonly string[] Statuses = ["connecting", "authenticating", "subscribing", "live", "reconnecting", "auth_failed"];

    /// <summary>The index in <see cref="DecodeKinds"/> of a malformed frame the protocol did not classify.</summary>
    public static int UnknownKind => DecodeKinds.Length - 1;

    public static int KindIndex(DecodeErrorKind? kind) => kind is { } k && (int)k < UnknownKind ? (int)k : UnknownKind;
}
