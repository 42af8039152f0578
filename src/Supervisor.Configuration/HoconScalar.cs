using System.Globalization;

namespace Supervisor.Configuration;

/// <summary>A string, number, boolean or null. Numbers and booleans keep the text they were written with.</summary>
public sealed class HoconScalar : HoconValue
{
    internal HoconScalar(HoconScalarKind kind, string text, ConfigOrigin origin)
        : base(origin)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>What kind of scalar this is.</summary>
    public HoconScalarKind Kind { get; }

    /// <summary>The string value, or the number / boolean / null as written in the file.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string KindName => Kind switch
    {
        HoconScalarKind.Number => "number",
        HoconScalarKind.Boolean => "boolean",
        HoconScalarKind.Null => "null",
        _ => "string",
    };

    /// <summary>True when the number has neither fraction nor exponent and fits 64 bits.</summary>
    public bool IsIntegral => Kind == HoconScalarKind.Number && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    internal static HoconScalar String(string value, ConfigOrigin origin) => new(HoconScalarKind.String, value, origin);

    /// <inheritdoc />
    public override string ToString() => Text;
}
