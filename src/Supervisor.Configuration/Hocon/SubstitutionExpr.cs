namespace Supervisor.Configuration.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Prefix"/> is the path of the object an included file was included
/// into: the substitution is looked up there first, then from the root.
/// </summary>
internal sealed class SubstitutionExpr(IReadOnlyList<string> path, bool optional, string text, ConfigOrigin origin) : Expr(origin)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public string Text { get; } = text;

    public IReadOnlyList<string>? Prefix { get; init; }

    public string Display => (Optional ? "${?" : "${") + Text + "}";
}
