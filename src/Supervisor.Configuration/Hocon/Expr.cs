namespace Supervisor.Configuration.Hocon;

/// <summary>A node of the unresolved tree: what the parser built, before substitutions are looked up.</summary>
internal abstract class Expr(ConfigOrigin origin)
{
    public ConfigOrigin Origin { get; } = origin;
}
