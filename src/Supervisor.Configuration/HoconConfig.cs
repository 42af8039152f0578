using System.Globalization;
using Supervisor.Configuration.Hocon;

namespace Supervisor.Configuration;

/// <summary>
/// A HOCON configuration, shaped like Akka's <c>HoconConfig</c>. Layers added with <see cref="WithFallback"/> are merged
/// before substitutions are resolved, so a substitution sees the final value of every layer. Resolution happens on
/// first use (or explicitly with <see cref="Resolve"/>); getters take paths such as <c>supervisor.accounts.snapshot-every</c>.
/// </summary>
public sealed class HoconConfig
{
    private readonly IReadOnlyList<Expr> _layers;
    private readonly HoconOptions _options;
    private readonly Lazy<HoconObject> _root;

    internal HoconConfig(IReadOnlyList<Expr> layers, HoconOptions options)
    {
        _layers = layers;
        _options = options;
        _root = new Lazy<HoconObject>(() => new Resolver(_layers, _options.Environment).ResolveRoot(Origin), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private HoconConfig(HoconObject resolved, HoconOptions options)
        : this([new ResolvedExpr(resolved)], options)
    {
    }

    /// <summary>The resolved tree (resolves on first use; throws <see cref="HoconException"/> on an unresolvable substitution).</summary>
    public HoconObject Root => _root.Value;

    /// <summary>True when there are no settings.</summary>
    public bool IsEmpty => Root.Count == 0;

    private ConfigOrigin Origin => _layers.Count > 0 ? _layers[0].Origin : new ConfigOrigin("empty", 1, 1);

    /// <summary>This configuration with <paramref name="fallback"/> below it: its settings apply where this one has none.</summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return ReferenceEquals(fallback, this) ? this : new HoconConfig([.. _layers, .. fallback._layers], _options);
    }

    /// <summary>Resolves now, so errors surface here rather than at the first getter.</summary>
    public HoconConfig Resolve() => new(Root, _options);

    /// <summary>The value at a path, or null when there is none.</summary>
    public HoconValue? GetValue(string path)
    {
        HoconValue current = Root;
        foreach (var element in PathExpression.Parse(path))
        {
            if (current is not HoconObject obj || !obj.TryGetValue(element, out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when the path has a value other than <c>null</c>.</summary>
    public bool HasPath(string path) => GetValue(path) is { } value && value is not HoconScalar { Kind: HoconScalarKind.Null };

    /// <summary>The sub-tree at a path as its own configuration; empty when the path is absent.</summary>
    public HoconConfig GetConfig(string path) => GetValue(path) switch
    {
        HoconObject obj => new HoconConfig(obj, _options),
        null or HoconScalar { Kind: HoconScalarKind.Null } => HoconLoader.Empty,
        var other => throw WrongType(path, other, "an object"),
    };

    /// <summary>A string (numbers and booleans as written).</summary>
    public string GetString(string path) => Required(path, Text);

    /// <summary>A string, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetString(string path, string? defaultValue) => Optional(path, Text, defaultValue);

    /// <summary>A 32-bit integer.</summary>
    public int GetInt(string path) => Required(path, (p, v) => checked((int)Integer(p, v)));

    /// <summary>A 32-bit integer, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt(string path, int defaultValue) => Optional(path, (p, v) => checked((int)Integer(p, v)), defaultValue);

    /// <summary>A 64-bit integer.</summary>
    public long GetLong(string path) => Required(path, Integer);

    /// <summary>A 64-bit integer, or <paramref name="defaultValue"/> when absent.</summary>
    public long GetLong(string path, long defaultValue) => Optional(path, Integer, defaultValue);

    /// <summary>A double.</summary>
    public double GetDouble(string path) => Required(path, Double);

    /// <summary>A double, or <paramref name="defaultValue"/> when absent.</summary>
    public double GetDouble(string path, double defaultValue) => Optional(path, Double, defaultValue);

    /// <summary>A decimal, exact as written.</summary>
    public decimal GetDecimal(string path) => Required(path, Decimal);

    /// <summary>A boolean: <c>true yes on</c> / <c>false no off</c>.</summary>
    public bool GetBoolean(string path) => Required(path, Boolean);

    /// <summary>A boolean, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string path, bool defaultValue) => Optional(path, Boolean, defaultValue);

    /// <summary>A duration (<c>30s</c>, <c>5 minutes</c>, a number of milliseconds, or <c>infinite</c>).</summary>
    public TimeSpan GetTimeSpan(string path) => Required(path, Duration);

    /// <summary>A duration, or <paramref name="defaultValue"/> when absent.</summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) => Optional(path, Duration, defaultValue);

    /// <summary>A size in bytes (<c>512</c>, <c>10MiB</c>, <c>1 kB</c>).</summary>
    public long GetByteSize(string path) => Required(path, ByteSize);

    /// <summary>A size in bytes, or <paramref name="defaultValue"/> when absent.</summary>
    public long GetByteSize(string path, long defaultValue) => Optional(path, ByteSize, defaultValue);

    /// <summary>An array of scalars as strings (an object with numeric keys counts as an array).</summary>
    public IReadOnlyList<string> GetStringList(string path) => Required(path, (p, value) => Items(p, value).Select(item => Text(p, item)).ToList());

    /// <summary>An array of objects, each as its own configuration.</summary>
    public IReadOnlyList<HoconConfig> GetConfigList(string path) => Required(path, (p, value) => Items(p, value)
        .Select(item => item is HoconObject obj ? new HoconConfig(obj, _options) : throw WrongType(p, item, "an object")).ToList());

    /// <summary>The resolved configuration rendered as HOCON.</summary>
    public override string ToString() => HoconRenderer.Render(Root, HoconRenderOptions.Hocon);

    private T Required<T>(string path, Func<string, HoconValue, T> convert)
    {
        var value = GetValue(path);
        if (value is null)
        {
            throw new HoconException($"no setting at '{path}'");
        }
        if (value is HoconScalar { Kind: HoconScalarKind.Null })
        {
            throw new HoconException($"'{path}' is null; a value is required", value.Origin);
        }
        return convert(path, value);
    }

    private T Optional<T>(string path, Func<string, HoconValue, T> convert, T defaultValue)
    {
        var value = GetValue(path);
        return value is null or HoconScalar { Kind: HoconScalarKind.Null } ? defaultValue : convert(path, value);
    }

    private static HoconException WrongType(string path, HoconValue value, string expected) =>
        new($"'{path}' should be {expected}, but it is {Describe(value)}", value.Origin);

    private static string Describe(HoconValue value) => value switch
    {
        HoconScalar { Kind: HoconScalarKind.String } s => $"the string \"{s.Text}\"",
        HoconScalar s => $"the {s.KindName} {s.Text}",
        _ => "an " + value.KindName,
    };

    private static string Text(string path, HoconValue value) =>
        value is HoconScalar scalar ? scalar.Text : throw WrongType(path, value, "a string");

    private static long Integer(string path, HoconValue value)
    {
        var text = Text(path, value);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real)
            && real is >= long.MinValue and <= long.MaxValue)
        {
            return (long)real;
        }
        throw WrongType(path, value, "a whole number");
    }

    private static double Double(string path, HoconValue value) =>
        double.TryParse(Text(path, value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw WrongType(path, value, "a number");

    private static decimal Decimal(string path, HoconValue value) =>
        decimal.TryParse(Text(path, value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw WrongType(path, value, "a number");

    private static bool Boolean(string path, HoconValue value) => Text(path, value) switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw WrongType(path, value, "a boolean (true/yes/on or false/no/off)"),
    };

    private static TimeSpan Duration(string path, HoconValue value) => Convert(path, value, HoconDuration.Parse);

    private static long ByteSize(string path, HoconValue value) => Convert(path, value, HoconByteSize.Parse);

    private static T Convert<T>(string path, HoconValue value, Func<string, T> parse)
    {
        try
        {
            return parse(Text(path, value));
        }
        catch (FormatException e)
        {
            throw new HoconException($"'{path}': {e.Message}", value.Origin);
        }
    }

    private static IReadOnlyList<HoconValue> Items(string path, HoconValue value) => value switch
    {
        HoconArray array => array.Items,
        HoconObject obj when obj.Fields.All(f => int.TryParse(f.Key, out _)) => Resolver.AsArray(obj),
        _ => throw WrongType(path, value, "an array"),
    };
}
