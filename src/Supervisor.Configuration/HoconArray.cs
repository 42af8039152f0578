namespace Supervisor.Configuration;

/// <summary>A resolved array.</summary>
public sealed class HoconArray : HoconValue
{
    internal HoconArray(IReadOnlyList<HoconValue> items, ConfigOrigin origin)
        : base(origin) => Items = items;

    /// <summary>The elements, in order.</summary>
    public IReadOnlyList<HoconValue> Items { get; }

    /// <inheritdoc />
    public override string KindName => "array";
}
