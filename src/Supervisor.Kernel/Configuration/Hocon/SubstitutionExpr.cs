namespace Supervisor.Kernel.Configuration.Hocon;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. <see cref="Prefix"/> is the path of the object an included file was included
/// into: the substitution is looked up there first, then from the root. <see cref="FieldPath"/> and
/// <see cref="FieldValue"/> are set when the substitution is (part of) a field's whole value, which is what makes it
/// self-referential when it points at that field or below it.
/// </summary>
internal sealed class SubstitutionExpr(IReadOnlyList<string> path, bool optional, string text, ConfigOrigin origin) : Expr(origin)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public string Text { get; } = text;

    public IReadOnlyList<string>? Prefix { get; init; }

    public IReadOnlyList<string>? FieldPath { get; set; }

    public Expr? FieldValue { get; set; }

    public string Display => (Optional ? "${?" : "${") + Text + "}";
}
