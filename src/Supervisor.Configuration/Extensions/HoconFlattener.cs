using System.Globalization;
using Supervisor.Configuration;

namespace Microsoft.Extensions.Configuration;

/// <summary>
/// Projects a resolved HOCON tree onto Microsoft.Extensions.Configuration keys: one segment per object level and
/// per array index (<c>a:b:0:c</c>), values as written (numbers keep their text, booleans lowercase), <c>null</c> and
/// <c>{}</c> as a null value and <c>[]</c> as <c>""</c>, the way the JSON provider does it.
/// </summary>
public static class HoconFlattener
{
    /// <summary>The flattened keys and values; throws <see cref="FormatException"/> for keys MEC cannot hold.</summary>
    public static Dictionary<string, string?> Flatten(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(root, null, data);
        return data;
    }

    private static void Visit(HoconValue value, string? key, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject { Count: 0 }:
                Add(data, key, null, value);
                return;
            case HoconObject obj:
                foreach (var (field, child) in obj.Fields)
                {
                    if (field.Contains(':', StringComparison.Ordinal))
                    {
                        throw new FormatException(
                            $"{child.Origin}: the key \"{field}\" contains ':', which Microsoft.Extensions.Configuration reads as a level separator; rename it");
                    }
                    Visit(child, key is null ? field : key + ConfigurationPath.KeyDelimiter + field, data);
                }
                return;
            case HoconArray { Items.Count: 0 }:
                Add(data, key, "", value);
                return;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Visit(array.Items[i], key + ConfigurationPath.KeyDelimiter + i.ToString(CultureInfo.InvariantCulture), data);
                }
                return;
            case HoconScalar { Kind: HoconScalarKind.Null }:
                Add(data, key, null, value);
                return;
            case HoconScalar scalar:
                Add(data, key, scalar.Text, value);
                return;
        }
    }

    private static void Add(Dictionary<string, string?> data, string? key, string? text, HoconValue value)
    {
        if (key is null)
        {
            return;
        }
        if (!data.TryAdd(key, text))
        {
            throw new FormatException($"{value.Origin}: a duplicate key '{key}' was found (keys that differ only in case are the same key here)");
        }
    }
}
