using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Turns the tokens of a key or substitution into path elements: split on every '.' outside quotes, surrounding
/// whitespace trimmed, an empty element allowed only when quoted.
/// </summary>
internal static class PathExpression
{
    public static List<string> Build(IReadOnlyList<Token> tokens, ConfigOrigin origin)
    {
        if (tokens is [{ Kind: TokenKind.Unquoted } only] && only.Text.Length > 0 && !only.Text.Contains('.'))
        {
            return [only.Text];
        }
        var first = 0;
        var last = tokens.Count - 1;
        while (first <= last && tokens[first].Kind == TokenKind.Whitespace)
        {
            first++;
        }
        while (last >= first && tokens[last].Kind == TokenKind.Whitespace)
        {
            last--;
        }
        if (first > last)
        {
            throw new HoconException("empty path: a key must have at least one character (write \"\" for an empty key)", origin);
        }
        var elements = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            if (token.IsQuoted)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }
            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasContent = true;
                    continue;
                }
                if (!hasContent)
                {
                    throw new HoconException($"invalid path '{Render(tokens)}': an empty element before '.' (quote it as \"\" if you mean an empty key)", origin);
                }
                elements.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
        }
        if (!hasContent)
        {
            throw new HoconException($"invalid path '{Render(tokens)}': it ends with '.'", origin);
        }
        elements.Add(current.ToString());
        return elements;
    }

    /// <summary>Parses a path written as text, e.g. a getter's argument <c>a.b."c.d"</c>.</summary>
    public static List<string> Parse(string path)
    {
        var tokenizer = new Tokenizer(path, "path");
        var tokens = new List<Token>();
        while (true)
        {
            var token = tokenizer.Next();
            if (token.Kind == TokenKind.Eof)
            {
                break;
            }
            if (!token.IsKeyPart)
            {
                throw new HoconException($"invalid path '{path}': {token.Describe()} is not allowed in a path");
            }
            tokens.Add(token);
        }
        return Build(tokens, new ConfigOrigin("path", 1, 1));
    }

    /// <summary>Writes a path back as text, quoting elements that need it.</summary>
    public static string Render(IEnumerable<string> path) => string.Join('.', path.Select(Quote));

    private static string Render(IReadOnlyList<Token> tokens) =>
        string.Concat(tokens.Select(t => t.IsQuoted ? "\"" + t.Text + "\"" : t.Text)).Trim();

    public static string Quote(string element)
    {
        var plain = element.Length > 0 && element.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && !(element is "true" or "false" or "null" or "include");
        return plain ? element : HoconText.Quote(element);
    }
}
