using System.Globalization;
using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Java <c>.properties</c> files, for includes: keys split on every '.', values always strings, and where a key is
/// both a string and an object the object wins (as the reference implementation does).
/// </summary>
internal static class PropertiesReader
{
    public static ObjectExpr Parse(string text, string source)
    {
        var root = new Node();
        var lineNumber = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lineNumber = i + 1;
            var logical = new StringBuilder(lines[i].TrimStart());
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimStart());
            }
            var line = logical.ToString();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            var (key, value) = Split(line);
            root.Set(key.Split('.'), value, new ConfigOrigin(source, lineNumber, 1));
        }
        return root.ToExpr(new ConfigOrigin(source, 1, 1));
    }

    private static bool EndsWithContinuation(StringBuilder line)
    {
        var backslashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length && line[i] is not ('=' or ':' or ' ' or '\t' or '\f'))
        {
            i = Unescape(line, i, key);
        }
        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }
        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }
        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }
        var value = new StringBuilder();
        while (i < line.Length)
        {
            i = Unescape(line, i, value);
        }
        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string line, int i, StringBuilder into)
    {
        if (line[i] != '\\' || i + 1 >= line.Length)
        {
            into.Append(line[i]);
            return i + 1;
        }
        var e = line[i + 1];
        switch (e)
        {
            case 't': into.Append('\t'); break;
            case 'n': into.Append('\n'); break;
            case 'r': into.Append('\r'); break;
            case 'f': into.Append('\f'); break;
            case 'u' when i + 6 <= line.Length
                && ushort.TryParse(line.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                into.Append((char)code);
                return i + 6;
            default: into.Append(e); break;
        }
        return i + 2;
    }

    private sealed class Node
    {
        private readonly Dictionary<string, Node> _children = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private (string Text, ConfigOrigin Origin)? _value;

        public void Set(string[] path, string value, ConfigOrigin origin)
        {
            var node = this;
            foreach (var element in path)
            {
                if (!node._children.TryGetValue(element, out var child))
                {
                    child = new Node();
                    node._children.Add(element, child);
                    node._order.Add(element);
                }
                node = child;
            }
            node._value = (value, origin);
        }

        public ObjectExpr ToExpr(ConfigOrigin origin)
        {
            var obj = new ObjectExpr(origin);
            foreach (var key in _order)
            {
                var child = _children[key];
                if (child._children.Count > 0)
                {
                    obj.Add(key, child.ToExpr(origin));
                }
                else if (child._value is { } value)
                {
                    obj.Add(key, new ScalarExpr(HoconScalar.String(value.Text, value.Origin)));
                }
            }
            return obj;
        }
    }
}
