namespace Supervisor.Configuration.Hocon;

/// <summary>
/// An object literal. Each key keeps every value assigned to it, oldest first (its merge stack): merging and
/// overriding happen at resolution, so a value that a later one hides is never evaluated.
/// </summary>
internal sealed class ObjectExpr(ConfigOrigin origin) : Expr(origin)
{
    private readonly Dictionary<string, List<Expr>> _fields = new(StringComparer.Ordinal);

    public List<string> Keys { get; } = [];

    public IReadOnlyList<Expr> StackOf(string key) => _fields.TryGetValue(key, out var stack) ? stack : [];

    public void Add(string key, Expr value)
    {
        if (!_fields.TryGetValue(key, out var stack))
        {
            stack = [];
            _fields.Add(key, stack);
            Keys.Add(key);
        }
        stack.Add(value);
    }

    /// <summary>Appends every assignment of <paramref name="other"/> after ours, as if its text stood here.</summary>
    public void AddAll(ObjectExpr other)
    {
        foreach (var key in other.Keys)
        {
            foreach (var value in other._fields[key])
            {
                Add(key, value);
            }
        }
    }
}
