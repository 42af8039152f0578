using System.Runtime.CompilerServices;
using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Resolves substitutions over the merged, unresolved tree and produces the resolved tree.
/// </summary>
/// <remarks>
/// A key's value is its merge stack read newest first: the first value that is not an object wins and hides
/// everything older; objects merge key by key down to that point. Stacks are walked lazily, so a hidden value is
/// never evaluated and looking up <c>a.b</c> never evaluates the rest of <c>a</c> (which would make
/// <c>a { x = 1, y = ${a.x} }</c> a false cycle). A substitution that is a field's value (or part of it) and points
/// at that field or below it (directly or through other substitutions) looks back: it sees the field's stack without
/// its own assignment and anything newer.
/// Every substitution and concatenation is evaluated once (memoized by occurrence); re-entering one that is being
/// evaluated is a cycle.
/// </remarks>
internal sealed class Resolver
{
    private static readonly object Absent = new();

    private readonly IReadOnlyList<Expr> _roots;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<Expr, object> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly List<Expr> _resolving = [];

    public Resolver(IReadOnlyList<Expr> roots, Func<string, string?>? environment)
    {
        _roots = roots;
        _environment = environment;
    }

    public HoconObject ResolveRoot(ConfigOrigin origin)
    {
        var value = EvalStack(_roots);
        return value switch
        {
            HoconObject obj => obj,
            null => new HoconObject([], origin),
            _ => throw new HoconException($"the root of a configuration must be an object, not {value.KindName}", value.Origin),
        };
    }


    private HoconValue? EvalStack(IReadOnlyList<Expr> newestFirst)
    {
        EnsureStack(newestFirst.Count > 0 ? newestFirst[0].Origin : default);
        var layers = CollectObjectLayers(newestFirst, out var terminal);
        if (terminal is not null)
        {
            return terminal;
        }
        return layers.Count == 0 ? null : MergeLayers(layers);
    }

    /// <summary>
    /// The object layers at the top of a stack, newest first, up to the first non-object. When the newest defined
    /// value is not an object, it is returned in <paramref name="terminal"/> and no layers are.
    /// </summary>
    private List<Expr> CollectObjectLayers(IReadOnlyList<Expr> newestFirst, out HoconValue? terminal)
    {
        terminal = null;
        var layers = new List<Expr>();
        foreach (var entry in newestFirst)
        {
            switch (entry)
            {
                case ObjectExpr:
                    layers.Add(entry);
                    continue;
                case ResolvedExpr { Value: HoconObject }:
                    layers.Add(entry);
                    continue;
            }
            var value = EvalExpr(entry);
            if (value is null)
            {
                continue;
            }
            if (value is HoconObject)
            {
                layers.Add(new ResolvedExpr(value));
                continue;
            }
            if (layers.Count == 0)
            {
                terminal = value;
            }
            break;
        }
        return layers;
    }

    private HoconObject MergeLayers(List<Expr> newestFirst)
    {
        if (newestFirst is [ObjectExpr single])
        {
            return MergeSingle(single);
        }
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            foreach (var key in KeysOf(newestFirst[i]))
            {
                if (seen.Add(key))
                {
                    keys.Add(key);
                }
            }
        }
        var fields = new List<KeyValuePair<string, HoconValue>>(keys.Count);
        foreach (var key in keys)
        {
            var value = EvalStack(ChildEntries(newestFirst, key));
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }
        return new HoconObject(fields, newestFirst[0].Origin);
    }

    // The common case, one object literal with no other layer: no key union, and a lone literal needs no stack.
    private HoconObject MergeSingle(ObjectExpr obj)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>(obj.Keys.Count);
        foreach (var key in obj.Keys)
        {
            var stack = obj.StackOf(key);
            var value = stack is [ScalarExpr scalar] ? scalar.Value : EvalStack(Reversed(stack));
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }
        return new HoconObject(fields, obj.Origin);
    }

    private static IReadOnlyList<Expr> Reversed(IReadOnlyList<Expr> stack)
    {
        if (stack.Count == 1)
        {
            return stack;
        }
        var reversed = new Expr[stack.Count];
        for (var i = 0; i < stack.Count; i++)
        {
            reversed[i] = stack[stack.Count - 1 - i];
        }
        return reversed;
    }

    private static IEnumerable<string> KeysOf(Expr layer) => layer switch
    {
        ObjectExpr o => o.Keys,
        ResolvedExpr { Value: HoconObject r } => r.Fields.Select(f => f.Key),
        _ => [],
    };

    private static List<Expr> ChildEntries(List<Expr> layersNewestFirst, string key)
    {
        var entries = new List<Expr>();
        foreach (var layer in layersNewestFirst)
        {
            switch (layer)
            {
                case ObjectExpr o:
                    var stack = o.StackOf(key);
                    for (var i = stack.Count - 1; i >= 0; i--)
                    {
                        entries.Add(stack[i]);
                    }
                    break;
                case ResolvedExpr { Value: HoconObject r } when r.TryGetValue(key, out var child):
                    entries.Add(new ResolvedExpr(child));
                    break;
            }
        }
        return entries;
    }

    private HoconValue? EvalExpr(Expr expr)
    {
        switch (expr)
        {
            case ScalarExpr s:
                return s.Value;
            case ResolvedExpr r:
                return r.Value;
            case ObjectExpr:
                return EvalStack([expr]);
        }
        if (_memo.TryGetValue(expr, out var memo))
        {
            return memo as HoconValue;
        }
        if (_resolving.Contains(expr))
        {
            throw Cycle(expr);
        }
        _resolving.Add(expr);
        HoconValue? value;
        try
        {
            value = expr switch
            {
                SubstitutionExpr s => EvalSubstitution(s),
                ConcatExpr c => EvalConcat(c),
                ArrayExpr a => EvalArray(a),
                _ => throw new InvalidOperationException("unknown node " + expr.GetType().Name),
            };
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
        _memo[expr] = value ?? Absent;
        return value;
    }

    private HoconException Cycle(Expr expr)
    {
        var start = _resolving.IndexOf(expr);
        var chain = _resolving.Skip(start).OfType<SubstitutionExpr>().Select(s => s.Display).ToList();
        var text = chain.Count > 0 ? string.Join(" → ", chain.Append(chain[0])) : "a value refers to itself";
        return new HoconException($"substitution cycle: {text}", expr.Origin);
    }

    private HoconArray EvalArray(ArrayExpr array)
    {
        var items = new List<HoconValue>(array.Elements.Count);
        foreach (var element in array.Elements)
        {
            if (EvalExpr(element) is { } value)
            {
                items.Add(value);
            }
        }
        return new HoconArray(items, array.Origin);
    }

    private HoconValue? EvalSubstitution(SubstitutionExpr s)
    {
        var lookedBack = false;
        if (s.Prefix is { Count: > 0 } prefix)
        {
            var rerooted = new List<string>(prefix.Count + s.Path.Count);
            rerooted.AddRange(prefix);
            rerooted.AddRange(s.Path);
            if (LookupPath(rerooted, ref lookedBack) is { } found)
            {
                return found;
            }
        }
        if (LookupPath(s.Path, ref lookedBack) is { } value)
        {
            return value;
        }
        if (_environment?.Invoke(PathExpression.Render(s.Path)) is { } variable)
        {
            return HoconScalar.String(variable, s.Origin);
        }
        if (s.Optional)
        {
            return null;
        }
        if (lookedBack)
        {
            throw new HoconException(
                $"could not resolve {s.Display}: substitution cycle — it refers back to the value being resolved, and '{PathExpression.Render(s.Path)}' has no earlier value to use",
                s.Origin);
        }
        var where = _environment is null ? "" : " nor in the environment";
        throw new HoconException($"could not resolve {s.Display}: no setting at '{PathExpression.Render(s.Path)}' in the configuration{where}", s.Origin);
    }

    /// <summary>
    /// Walks the merge stacks along <paramref name="path"/>. Where a stack holds a field value that is being resolved
    /// right now (the lookup came from inside it, directly or through other substitutions), that value and everything
    /// newer are left out: the substitution is self-referential and sees the field's earlier value.
    /// </summary>
    private HoconValue? LookupPath(IReadOnlyList<string> path, ref bool lookedBack)
    {
        IReadOnlyList<Expr> entries = _roots;
        for (var i = 0; i < path.Count; i++)
        {
            var layers = CollectObjectLayers(entries, out _);
            var children = ChildEntries(layers, path[i]);
            var resolving = children.FindLastIndex(e => e is SubstitutionExpr or ConcatExpr && _resolving.Contains(e));
            if (resolving >= 0)
            {
                children.RemoveRange(0, resolving + 1);
                lookedBack = true;
            }
            if (children.Count == 0)
            {
                return null;
            }
            entries = children;
        }
        return EvalStack(entries);
    }

    private HoconValue? EvalConcat(ConcatExpr concat)
    {
        var values = new List<(HoconValue? Value, bool Whitespace)>(concat.Parts.Count);
        var anyDefined = false;
        foreach (var part in concat.Parts)
        {
            if (part is ScalarExpr { IsUnquotedWhitespace: true } ws)
            {
                values.Add((ws.Value, true));
                continue;
            }
            var value = EvalExpr(part);
            anyDefined |= value is not null;
            values.Add((value, false));
        }
        if (!anyDefined && values.All(v => !v.Whitespace))
        {
            return null;
        }
        var solid = values.Where(v => !v.Whitespace && v.Value is not null).Select(v => v.Value!).ToList();
        if (solid.All(v => v is HoconScalar))
        {
            var text = new StringBuilder();
            foreach (var (value, _) in values)
            {
                text.Append(value is HoconScalar scalar ? scalar.Text : "");
            }
            return HoconScalar.String(text.ToString(), concat.Origin);
        }
        if (solid.All(v => v is HoconObject))
        {
            return solid.Cast<HoconObject>().Aggregate((older, newer) => Merge(newer, older));
        }
        if (solid.Any(v => v is HoconArray) && solid.All(v => v is HoconArray || IsNumericObject(v)))
        {
            return new HoconArray(solid.SelectMany(v => v is HoconArray a ? a.Items : AsArray((HoconObject)v)).ToList(), concat.Origin);
        }
        throw Concatenation.Mixed(solid.Select(v => v.KindName).ToList(), concat.Origin);
    }

    private static bool IsNumericObject(HoconValue value) =>
        value is HoconObject { Count: > 0 } o && o.Fields.All(f => int.TryParse(f.Key, out _));

    internal static IReadOnlyList<HoconValue> AsArray(HoconObject numeric) =>
        numeric.Fields.Where(f => int.TryParse(f.Key, out _)).OrderBy(f => int.Parse(f.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => f.Value).ToList();

    /// <summary>Merges two resolved objects: the newer one's fields win, objects on both sides merge recursively.</summary>
    internal static HoconObject Merge(HoconObject newer, HoconObject older)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>();
        foreach (var (key, value) in older.Fields)
        {
            if (newer.TryGetValue(key, out var replacement))
            {
                fields.Add(new(key, value is HoconObject o && replacement is HoconObject n ? Merge(n, o) : replacement));
            }
            else
            {
                fields.Add(new(key, value));
            }
        }
        foreach (var (key, value) in newer.Fields)
        {
            if (!older.TryGetValue(key, out _))
            {
                fields.Add(new(key, value));
            }
        }
        return new HoconObject(fields, newer.Origin);
    }

    private static void EnsureStack(ConfigOrigin origin)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException("the configuration is nested too deeply (or has too long a chain of substitutions) to resolve", origin);
        }
    }
}
