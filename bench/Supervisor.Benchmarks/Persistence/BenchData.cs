using Supervisor.Actors.State;
using Supervisor.Venues.Events;

namespace Supervisor.Benchmarks.Persistence;

/// <summary>The events every persistence benchmark writes: the product's own balance event, about 200 bytes of JSON.</summary>
internal static class BenchData
{
    /// <summary>The manifest <see cref="Actors.Serialization.AccountJsonSerializer"/> writes for <see cref="AssetBalanceChanged"/>.</summary>
    public const string Manifest = "asset-balance-changed.v1";

    /// <summary>Event number <paramref name="i"/>; every field set, as a CoinW <c>assets</c> push carries them.</summary>
    public static AssetBalanceChanged Event(long i) => new("coinw", "USDT", 10_000.123456m + i, 250.5m, 1_234.56789m)
    {
        Hold = 12.5m,
        AvailableMargin = 8_765.4321m + i,
        Transferable = 8_000m,
        UnrealizedPnl = -42.125m,
    };

    /// <summary>The bytes the product's serializer stores for event <paramref name="i"/>, for the raw baselines.</summary>
    public static byte[] Bytes(long i) => StateSerialization.Manifests.Serialize(Event(i)).Bytes;
}
