using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Supervisor.Configuration.Hocon;

namespace Supervisor.Configuration;

/// <summary>Writes a resolved tree as HOCON or JSON, optionally masking secrets.</summary>
public static partial class HoconRenderer
{
    /// <summary>The mask written in place of a secret.</summary>
    public const string Mask = "***";

    /// <summary>True for keys that name secrets: secret, api-key / apiKey / api_key, token, passphrase, password.</summary>
    public static bool IsSecretKey(string key) => SecretKey().IsMatch(key);

    /// <summary>Renders <paramref name="value"/>; an object at the root is written without braces in HOCON.</summary>
    public static string Render(HoconValue value, HoconRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        if (!options.Json && value is HoconObject root)
        {
            WriteFields(sb, root, 0, options);
        }
        else
        {
            Write(sb, value, 0, options, masked: false);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, int depth, HoconRenderOptions options, bool masked)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }
                sb.Append("{\n");
                WriteFields(sb, obj, depth + 1, options, masked);
                Indent(sb, depth).Append('}');
                return;
            case HoconArray array:
                if (array.Items.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }
                sb.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(sb, depth + 1);
                    Write(sb, array.Items[i], depth + 1, options, masked);
                    sb.Append(i < array.Items.Count - 1 && options.Json ? ",\n" : "\n");
                }
                Indent(sb, depth).Append(']');
                return;
            case HoconScalar scalar:
                sb.Append(masked ? HoconText.Quote(Mask) : Scalar(scalar, options.Json));
                return;
        }
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int depth, HoconRenderOptions options, bool masked = false)
    {
        for (var i = 0; i < obj.Fields.Count; i++)
        {
            var (key, value) = obj.Fields[i];
            Indent(sb, depth);
            sb.Append(options.Json ? HoconText.Quote(key) : PathExpression.Quote(key));
            sb.Append(options.Json ? ": " : value is HoconObject { Count: > 0 } ? " " : " = ");
            var mask = masked || (options.MaskSecrets && IsSecretKey(key) && value is not HoconScalar { Kind: HoconScalarKind.Null });
            Write(sb, value, depth, options, mask);
            sb.Append(i < obj.Fields.Count - 1 && options.Json ? ",\n" : "\n");
        }
    }

    private static StringBuilder Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 2);

    private static string Scalar(HoconScalar scalar, bool json) => scalar.Kind switch
    {
        HoconScalarKind.String => HoconText.Quote(scalar.Text),
        HoconScalarKind.Number when json => JsonNumber(scalar.Text),
        _ => scalar.Text,
    };

    // JSON has no 007 or 1. — write the value the text stands for.
    private static string JsonNumber(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(real) ? real.ToString("R", CultureInfo.InvariantCulture) : HoconText.Quote(text);
    }

    [GeneratedRegex("secret|api[-_]?key|token|passphrase|password", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKey();
}
