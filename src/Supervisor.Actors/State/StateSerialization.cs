using System.Text.Json.Serialization;
using Supervisor.Actors.Serialization;
using Supervisor.Venues.Events;

namespace Supervisor.Actors.State;

/// <summary>
/// The manifests of everything an account's journal holds. New fields keep the manifest (optional ones read as null
/// from rows written before them); a breaking change gets a new version.
/// </summary>
public static class StateSerialization
{
    /// <summary>The manifests and JSON contracts of account journals and snapshots (<see cref="AccountJsonSerializer"/>).</summary>
    public static ManifestRegistry Manifests { get; } = ManifestRegistry.Create()
        .Register("asset-balance-changed.v1", StateJsonContext.Default.AssetBalanceChanged)
        .Register("position-changed.v1", StateJsonContext.Default.PositionChanged)
        .Register("position-closed.v1", StateJsonContext.Default.PositionClosed)
        .Register("order-changed.v1", StateJsonContext.Default.OrderChanged)
        .Register("trigger-order-changed.v1", StateJsonContext.Default.TriggerOrderChanged)
        .Register("fill-received.v1", StateJsonContext.Default.FillReceived)
        .Register("adl-rank-changed.v1", StateJsonContext.Default.AdlRankChanged)
        .Register("position-patched.v1", StateJsonContext.Default.PositionPatched)
        .Register("order-vanished.v1", StateJsonContext.Default.OrderVanished)
        .Register("trigger-order-vanished.v1", StateJsonContext.Default.TriggerOrderVanished)
        .Register("reconciliation-applied.v1", StateJsonContext.Default.ReconciliationApplied)
        .Register("margin-settings-changed.v1", StateJsonContext.Default.MarginSettingsChanged)
        .Register("account-state-snapshot.v1", StateJsonContext.Default.AccountStateSnapshot)
        .Build();
}

// Absent optional fields stay out of the rows: most events carry few of them, and a reader treats absent as null.
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssetBalanceChanged))]
[JsonSerializable(typeof(PositionChanged))]
[JsonSerializable(typeof(PositionClosed))]
[JsonSerializable(typeof(OrderChanged))]
[JsonSerializable(typeof(TriggerOrderChanged))]
[JsonSerializable(typeof(FillReceived))]
[JsonSerializable(typeof(AdlRankChanged))]
[JsonSerializable(typeof(PositionPatched))]
[JsonSerializable(typeof(OrderVanished))]
[JsonSerializable(typeof(TriggerOrderVanished))]
[JsonSerializable(typeof(ReconciliationApplied))]
[JsonSerializable(typeof(MarginSettingsChanged))]
[JsonSerializable(typeof(AccountStateSnapshot))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
