using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Value concatenation: strings join (with the whitespace between them kept), arrays append, objects merge; any
/// other mix is an error. Literal runs are joined while parsing; runs with substitutions once they are resolved.
/// </summary>
internal static class Concatenation
{
    public static Expr JoinLiterals(List<Expr> parts)
    {
        if (parts.Any(p => p is SubstitutionExpr or ConcatExpr))
        {
            return new ConcatExpr(parts, parts[0].Origin);
        }
        var solid = parts.Where(p => p is not ScalarExpr { IsUnquotedWhitespace: true }).ToList();
        if (solid.All(p => p is ScalarExpr))
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(((ScalarExpr)part).Value.Text);
            }
            return new ScalarExpr(HoconScalar.String(text.ToString(), parts[0].Origin));
        }
        if (solid.All(p => p is ArrayExpr))
        {
            return new ArrayExpr(solid.SelectMany(p => ((ArrayExpr)p).Elements).ToList(), parts[0].Origin);
        }
        if (solid.All(p => p is ObjectExpr))
        {
            var merged = new ObjectExpr(parts[0].Origin);
            foreach (var part in solid)
            {
                merged.AddAll((ObjectExpr)part);
            }
            return merged;
        }
        throw Mixed(solid.Select(KindOf).ToList(), parts[0].Origin);
    }

    public static HoconException Mixed(IReadOnlyList<string> kinds, ConfigOrigin origin)
    {
        var distinct = kinds.Distinct().ToList();
        return new HoconException(
            $"cannot concatenate {string.Join(" and ", distinct.Select(k => "a" + (k[0] is 'a' or 'o' ? "n " : " ") + k))} " +
            "(values on one line join only when all are strings, all arrays or all objects; put them on separate lines or quote them)",
            origin);
    }

    private static string KindOf(Expr expr) => expr switch
    {
        ArrayExpr => "array",
        ObjectExpr => "object",
        ScalarExpr s => s.Value.KindName,
        _ => "value",
    };
}
