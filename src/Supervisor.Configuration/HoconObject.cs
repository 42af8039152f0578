namespace Supervisor.Configuration;

/// <summary>A resolved object. Fields keep the order in which their keys first appeared.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields;

    internal HoconObject(IReadOnlyList<KeyValuePair<string, HoconValue>> fields, ConfigOrigin origin)
        : base(origin)
    {
        Fields = fields;
        _fields = new Dictionary<string, HoconValue>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            _fields[key] = value;
        }
    }

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<KeyValuePair<string, HoconValue>> Fields { get; }

    /// <summary>Number of fields.</summary>
    public int Count => Fields.Count;

    /// <inheritdoc />
    public override string KindName => "object";

    /// <summary>The value of a direct field, if there is one.</summary>
    public bool TryGetValue(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <summary>The value of a direct field or null.</summary>
    public HoconValue? this[string key] => _fields.GetValueOrDefault(key);
}
