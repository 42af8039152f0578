namespace Supervisor.Configuration.Hocon;

/// <summary>
/// A literal scalar. <see cref="IsUnquotedWhitespace"/> marks the whitespace kept between the parts of a
/// concatenation: it joins strings but is ignored between arrays or objects, unlike quoted whitespace.
/// </summary>
internal sealed class ScalarExpr(HoconScalar value, bool isUnquotedWhitespace = false) : Expr(value.Origin)
{
    public HoconScalar Value { get; } = value;

    public bool IsUnquotedWhitespace { get; } = isUnquotedWhitespace;
}
