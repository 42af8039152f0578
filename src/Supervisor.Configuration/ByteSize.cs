using System.ComponentModel;
using System.Globalization;

namespace Supervisor.Configuration;

/// <summary>
/// A size in bytes that options classes can bind from HOCON text (<c>max-frame-bytes = 1MiB</c>); the configuration
/// binder finds its converter through the attribute.
/// </summary>
[TypeConverter(typeof(ByteSizeConverter))]
public readonly record struct ByteSize(long Bytes)
{
    /// <summary>Parses <c>512</c>, <c>10MiB</c>, <c>1 kB</c>.</summary>
    public static ByteSize Parse(string text) => new(HoconByteSize.Parse(text));

    /// <inheritdoc />
    public override string ToString() => Bytes.ToString(CultureInfo.InvariantCulture);
}
