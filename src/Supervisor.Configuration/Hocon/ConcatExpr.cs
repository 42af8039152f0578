namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Values written next to each other on one line, at least one of them a substitution (concatenations of literals
/// are joined by the parser). What they join into is known only once the substitutions are resolved.
/// </summary>
internal sealed class ConcatExpr(List<Expr> parts, ConfigOrigin origin) : Expr(origin)
{
    public List<Expr> Parts { get; } = parts;
}
