using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Supervisor.Host.Tests.Deployment;

/// <summary>
/// The repository's deployment files (docker-compose.yml, Dockerfile, .dockerignore, hocon/cluster.conf), copied beside
/// the test assembly by the project file, and docker-compose.yml read the way <c>docker compose</c> reads it: YAML merge
/// keys (<c>&lt;&lt;: *anchor</c>) applied, and <c>${VAR}</c>, <c>${VAR:?message}</c>, <c>${VAR:-default}</c> interpolated
/// from a given environment (never the test process's).
/// </summary>
internal static partial class ComposeFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "deployment", name);

    public static string Text => File.ReadAllText(PathOf("docker-compose.yml"));

    /// <summary>The whole file as nested dictionaries, lists and strings, merge keys applied, nothing interpolated.</summary>
    public static Dictionary<string, object?> Load()
    {
        using var reader = new StringReader(Text);
        var raw = new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader)));
        return Map(Normalize(raw), "(root)");
    }

    public static Dictionary<string, object?> Services(Dictionary<string, object?> compose) => Map(compose["services"], "services");

    public static Dictionary<string, object?> Service(Dictionary<string, object?> compose, string name) => Map(Services(compose)[name], name);

    /// <summary>A service's <c>environment</c> (map or list form), interpolated from <paramref name="environment"/>.</summary>
    public static Dictionary<string, string> EnvironmentOf(Dictionary<string, object?> service, IReadOnlyDictionary<string, string> environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (service.GetValueOrDefault("environment"))
        {
            case null:
                break;
            case Dictionary<string, object?> map:
                foreach (var (name, value) in map)
                {
                    result[name] = Interpolate(Scalar(value, name), environment);
                }
                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    var text = Scalar(item, "environment item");
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    Assert.True(equals > 0, $"environment item '{text}' has no NAME=");
                    result[text[..equals]] = Interpolate(text[(equals + 1)..], environment);
                }
                break;
            case var other:
                Assert.Fail($"environment is a {other.GetType().Name}");
                break;
        }
        return result;
    }

    /// <summary>A command, entrypoint or healthcheck test as its list of words (exec form; a string is split on spaces).</summary>
    public static List<string> Words(object? value) => value switch
    {
        List<object?> list => [.. list.Select(v => Scalar(v, "word"))],
        string text => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        _ => throw new InvalidOperationException($"not a command: {value}"),
    };

    public static Dictionary<string, object?> Map(object? value, string what) =>
        value as Dictionary<string, object?> ?? throw new InvalidOperationException($"{what} is not a mapping but {value?.GetType().Name ?? "null"}");

    public static string Scalar(object? value, string what) =>
        value as string ?? throw new InvalidOperationException($"{what} is not a scalar but {value?.GetType().Name ?? "null"}");

    /// <summary>Every scalar of the tree with the path of keys leading to it.</summary>
    public static IEnumerable<(string Path, string Value)> Scalars(object? node, string path = "")
    {
        switch (node)
        {
            case string text:
                yield return (path, text);
                break;
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                {
                    foreach (var scalar in Scalars(value, path.Length == 0 ? key : $"{path}.{key}"))
                    {
                        yield return scalar;
                    }
                }
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var scalar in Scalars(list[i], $"{path}[{i}]"))
                    {
                        yield return scalar;
                    }
                }
                break;
        }
    }

    /// <summary>Compose's interpolation: <c>$$</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?error}</c>, <c>${VAR?error}</c>.</summary>
    /// <exception cref="InvalidOperationException">A required variable is unset (what compose refuses to start with).</exception>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> environment)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '$')
            {
                result.Append(text[i++]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                result.Append('$');
                i += 2;
                continue;
            }
            var match = Variable().Match(text, i);
            if (!match.Success || match.Index != i)
            {
                throw new InvalidOperationException($"'{text}': a '$' that is neither $$ nor a ${{VARIABLE}}");
            }
            var name = match.Groups["name"].Value;
            var set = environment.TryGetValue(name, out var value);
            var colon = match.Groups["colon"].Success;
            var missing = !set || (colon && value!.Length == 0);
            var argument = match.Groups["argument"].Value;
            result.Append(match.Groups["op"].Value switch
            {
                "" => value ?? "",
                "-" => missing ? argument : value,
                "?" => missing ? throw new InvalidOperationException($"required variable {name} is missing a value: {argument}") : value,
                var op => throw new InvalidOperationException($"'{text}': unsupported interpolation operator {op}"),
            });
            i += match.Length;
        }
        return result.ToString();
    }

    /// <summary>A compose duration (<c>60s</c>, <c>1m30s</c>).</summary>
    public static TimeSpan Duration(string text)
    {
        var parts = DurationPart().Matches(text);
        Assert.True(parts.Count > 0 && string.Concat(parts.Select(p => p.Value)) == text, $"'{text}' is not a compose duration");
        return parts.Aggregate(TimeSpan.Zero, (sum, part) =>
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            return sum + part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        });
    }

    // YamlDotNet gives Dictionary<object, object> and List<object>; string keys make the tests readable.
    private static object? Normalize(object? node) => node switch
    {
        IDictionary<object, object?> map => map.ToDictionary(e => e.Key.ToString()!, e => Normalize(e.Value), StringComparer.Ordinal),
        IList<object?> list => list.Select(Normalize).ToList(),
        _ => node,
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<colon>:)?(?<op>[-?+])(?<argument>[^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex DurationPart();
}
