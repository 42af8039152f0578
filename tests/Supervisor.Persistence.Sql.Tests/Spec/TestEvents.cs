using System.Text.Json.Serialization;
using Supervisor.Kernel.Persistence.Serialization;

namespace Supervisor.Persistence.Sql.Tests.Spec;

/// <summary>An event as the spec suite writes it.</summary>
public sealed record ItemAdded(string Item, decimal Amount);

/// <summary>Version 1 of an event that later grew a field.</summary>
public sealed record BalanceChangedV1(string Asset, decimal Balance);

/// <summary>Version 2: the same manifest, one more field.</summary>
public sealed record BalanceChanged(string Asset, decimal Balance, decimal Frozen);

/// <summary>A snapshot payload.</summary>
public sealed record ItemsSnapshot(string[] Items);

/// <summary>A type the serializer does not know, to provoke a rejection.</summary>
public sealed record Unregistered(string Value);

[JsonSerializable(typeof(ItemAdded))]
[JsonSerializable(typeof(BalanceChangedV1))]
[JsonSerializable(typeof(BalanceChanged))]
[JsonSerializable(typeof(ItemsSnapshot))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal static class TestSerializer
{
    public static JsonEventSerializer Instance { get; } = JsonEventSerializer.Create()
        .Register("item-added.v1", TestJsonContext.Default.ItemAdded)
        .Register("balance-changed.v1", TestJsonContext.Default.BalanceChanged)
        .Register("items-snapshot.v1", TestJsonContext.Default.ItemsSnapshot)
        .Register("string.v1", TestJsonContext.Default.String)
        .Build();

    /// <summary>The serializer as it was before <see cref="BalanceChanged"/> grew <c>Frozen</c>.</summary>
    public static JsonEventSerializer Version1 { get; } = JsonEventSerializer.Create()
        .Register("balance-changed.v1", TestJsonContext.Default.BalanceChangedV1)
        .Build();
}
