namespace Supervisor.Configuration.Hocon;

/// <summary>An array literal; its elements may still hold substitutions.</summary>
internal sealed class ArrayExpr(List<Expr> elements, ConfigOrigin origin) : Expr(origin)
{
    public List<Expr> Elements { get; } = elements;
}
