namespace Supervisor.Configuration.Hocon;

/// <summary>An already resolved value standing in a merge stack (a resolved fallback layer, or a sub-config).</summary>
internal sealed class ResolvedExpr(HoconValue value) : Expr(value.Origin)
{
    public HoconValue Value { get; } = value;
}
