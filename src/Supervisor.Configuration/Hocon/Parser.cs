using System.Runtime.CompilerServices;
using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Recursive-descent parser from tokens to the unresolved tree. Includes are read here and merged in place;
/// literal concatenations are joined here; everything involving a substitution waits for the resolver.
/// </summary>
internal sealed class Parser
{
    private readonly Tokenizer _tokenizer;
    private readonly IncludeContext _context;
    private Token? _peeked;
    private int _nesting;

    public Parser(string text, IncludeContext context)
    {
        _tokenizer = new Tokenizer(text, context.SourceName);
        _context = context;
    }

    /// <summary>Parses a whole document; its root must be an object (braces optional).</summary>
    public ObjectExpr ParseDocument()
    {
        SkipBlank();
        var first = Peek();
        if (first.Kind == TokenKind.OpenSquare)
        {
            throw new HoconException("the root of a configuration must be an object, not an array", first.Origin);
        }
        ObjectExpr root;
        if (first.Kind == TokenKind.OpenCurly)
        {
            Take();
            root = ParseObjectBody(braced: true, _context.RootPath, first.Origin);
            SkipBlank();
            var after = Peek();
            if (after.Kind != TokenKind.Eof)
            {
                throw new HoconException($"expected the end of the file after the root object's '}}', got {after.Describe()}", after.Origin);
            }
        }
        else
        {
            root = ParseObjectBody(braced: false, _context.RootPath, first.Origin);
        }
        return root;
    }

    private Token Peek() => _peeked ??= _tokenizer.Next();

    private Token Take()
    {
        var token = Peek();
        _peeked = null;
        return token;
    }

    private void SkipBlank()
    {
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Take();
        }
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Take();
        }
    }

    private void Enter(ConfigOrigin origin)
    {
        if (++_nesting > _context.Options.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException($"objects and arrays nested deeper than {_context.Options.MaxNestingDepth} levels", origin);
        }
    }

    private ObjectExpr ParseObjectBody(bool braced, IReadOnlyList<string>? path, ConfigOrigin open)
    {
        Enter(open);
        var obj = new ObjectExpr(open);
        var afterField = false;
        var needSeparator = false;
        var afterComma = false;
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    Take();
                    continue;
                case TokenKind.Newline:
                    Take();
                    needSeparator = false;
                    continue;
                case TokenKind.Comma:
                    if (!afterField || afterComma)
                    {
                        throw new HoconException(afterComma ? "two commas in a row" : "a ',' with no field before it", token.Origin);
                    }
                    Take();
                    afterComma = true;
                    needSeparator = false;
                    continue;
                case TokenKind.CloseCurly:
                    if (!braced)
                    {
                        throw new HoconException("unbalanced '}' with no '{' to close (quote it if it belongs to a key or value)", token.Origin);
                    }
                    Take();
                    _nesting--;
                    return obj;
                case TokenKind.Eof:
                    if (braced)
                    {
                        throw new HoconException($"end of file before the '}}' that closes the '{{' at line {open.Line}, column {open.Column}", token.Origin);
                    }
                    _nesting--;
                    return obj;
            }
            if (needSeparator)
            {
                throw new HoconException(
                    $"expected ',' or a newline after a field, got {token.Describe()} (quote it if it belongs to the value)", token.Origin);
            }
            if (token.Kind == TokenKind.Unquoted && token.Text == "include")
            {
                Take();
                ParseInclude(obj, path, token.Origin);
            }
            else
            {
                ParseField(obj, path);
            }
            afterField = true;
            afterComma = false;
            needSeparator = true;
        }
    }

    private void ParseField(ObjectExpr obj, IReadOnlyList<string>? path)
    {
        var keyStart = Peek();
        var keyTokens = new List<Token>();
        while (Peek().IsKeyPart)
        {
            keyTokens.Add(Take());
        }
        if (keyTokens.Count == 0)
        {
            var bad = Peek();
            var what = bad.Kind == TokenKind.Substitution ? "a substitution cannot be used as a key" : $"expected a key, got {bad.Describe()}";
            throw new HoconException(what, bad.Origin);
        }
        if (Peek().Kind == TokenKind.Substitution)
        {
            throw new HoconException("a substitution cannot be part of a key", Peek().Origin);
        }
        var key = PathExpression.Build(keyTokens, keyStart.Origin);
        if (key.Count + (path?.Count ?? 0) > _context.Options.MaxNestingDepth)
        {
            throw new HoconException($"the key path is deeper than {_context.Options.MaxNestingDepth} levels", keyStart.Origin);
        }
        SkipBlank();
        var separator = Peek();
        var fieldPath = path is null ? null : Concat(path, key);
        Expr? value;
        switch (separator.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals or TokenKind.PlusEquals:
                Take();
                SkipBlank();
                value = ParseValue(fieldPath);
                break;
            case TokenKind.OpenCurly:
                value = ParseValue(fieldPath);
                break;
            default:
                throw new HoconException(
                    $"expected ':', '=' or '{{' after the key '{PathExpression.Render(key)}', got {separator.Describe()}", separator.Origin);
        }
        if (value is null)
        {
            throw new HoconException($"expected a value for '{PathExpression.Render(key)}', got {Peek().Describe()}", Peek().Origin);
        }
        if (separator.Kind == TokenKind.PlusEquals)
        {
            value = Append(fieldPath, key, value, separator.Origin);
        }
        Assign(obj, key, value);
    }

    // `k += v` is `k = ${?k} [v]`, with the substitution looking back at k's earlier value.
    private ConcatExpr Append(IReadOnlyList<string>? fieldPath, List<string> key, Expr value, ConfigOrigin origin)
    {
        var self = new SubstitutionExpr(fieldPath ?? key, optional: true, PathExpression.Render(fieldPath ?? key), origin)
        {
            Prefix = fieldPath is null ? _context.RootPath : null,
        };
        return new ConcatExpr([self, new ArrayExpr([value], value.Origin)], origin);
    }

    private static void Assign(ObjectExpr obj, List<string> key, Expr value)
    {
        var target = obj;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var inner = new ObjectExpr(value.Origin);
            target.Add(key[i], inner);
            target = inner;
        }
        target.Add(key[^1], value);
    }

    private static List<string> Concat(IReadOnlyList<string> path, List<string> key)
    {
        var full = new List<string>(path.Count + key.Count);
        full.AddRange(path);
        full.AddRange(key);
        return full;
    }

    /// <summary>One value, or several on one line joined by concatenation; null when there is none.</summary>
    private Expr? ParseValue(IReadOnlyList<string>? path)
    {
        // Most values are one token: the list of parts is only made when a second part follows. Whitespace before the
        // first part and after the last is dropped; whitespace between parts is kept for string concatenation.
        Expr? first = null;
        List<Expr>? parts = null;
        ScalarExpr? space = null;
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                Take();
                if (first is not null)
                {
                    space = new ScalarExpr(HoconScalar.String(token.Text, token.Origin), isUnquotedWhitespace: true);
                }
                continue;
            }
            var part = ParsePart(token, path);
            if (part is null)
            {
                break;
            }
            if (first is null)
            {
                first = part;
                continue;
            }
            parts ??= [first];
            if (space is not null)
            {
                parts.Add(space);
                space = null;
            }
            parts.Add(part);
        }
        return parts is null ? first : Concatenation.JoinLiterals(parts);
    }

    private Expr? ParsePart(Token token, IReadOnlyList<string>? path)
    {
        switch (token.Kind)
        {
            case TokenKind.QuotedString or TokenKind.TripleQuotedString or TokenKind.Unquoted:
                Take();
                return new ScalarExpr(HoconScalar.String(token.Text, token.Origin));
            case TokenKind.Number:
                Take();
                return new ScalarExpr(new HoconScalar(HoconScalarKind.Number, token.Text, token.Origin));
            case TokenKind.True or TokenKind.False:
                Take();
                return new ScalarExpr(new HoconScalar(HoconScalarKind.Boolean, token.Text, token.Origin));
            case TokenKind.Null:
                Take();
                return new ScalarExpr(new HoconScalar(HoconScalarKind.Null, "null", token.Origin));
            case TokenKind.Substitution:
                Take();
                return Substitution(token);
            case TokenKind.OpenCurly:
                Take();
                return ParseObjectBody(braced: true, path, token.Origin);
            case TokenKind.OpenSquare:
                Take();
                return ParseArray(token.Origin);
            default:
                return null;
        }
    }

    private SubstitutionExpr Substitution(Token token)
    {
        var path = PathExpression.Build(token.PathTokens!, token.Origin);
        return new SubstitutionExpr(path, token.Optional, token.Text, token.Origin)
        {
            Prefix = _context.RootPath is { Count: > 0 } prefix ? prefix : null,
        };
    }

    private ArrayExpr ParseArray(ConfigOrigin open)
    {
        Enter(open);
        var elements = new List<Expr>();
        var afterElement = false;
        var afterComma = false;
        var needSeparator = false;
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    Take();
                    continue;
                case TokenKind.Newline:
                    Take();
                    needSeparator = false;
                    continue;
                case TokenKind.Comma:
                    if (!afterElement || afterComma)
                    {
                        throw new HoconException(
                            afterComma ? "two commas in a row in an array" : "a ',' with no element before it in an array", token.Origin);
                    }
                    Take();
                    afterComma = true;
                    needSeparator = false;
                    continue;
                case TokenKind.CloseSquare:
                    Take();
                    _nesting--;
                    return new ArrayExpr(elements, open);
                case TokenKind.Eof:
                    throw new HoconException($"end of file before the ']' that closes the '[' at line {open.Line}, column {open.Column}", token.Origin);
            }
            if (needSeparator)
            {
                throw new HoconException($"expected ',' or a newline between array elements, got {token.Describe()}", token.Origin);
            }
            var value = ParseValue(path: null)
                ?? throw new HoconException($"expected an array element, got {token.Describe()}", token.Origin);
            elements.Add(value);
            afterElement = true;
            afterComma = false;
            needSeparator = true;
        }
    }

    private void ParseInclude(ObjectExpr obj, IReadOnlyList<string>? path, ConfigOrigin origin)
    {
        SkipBlank();
        var prefix = new StringBuilder();
        var lastWasOpenParen = false;
        Token? name = null;
        var suffix = new StringBuilder();
        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                if (name is null && prefix.Length > 0 && !lastWasOpenParen)
                {
                    throw new HoconException("no space is allowed between file, classpath, url or required and '('", token.Origin);
                }
                Take();
                continue;
            }
            if (name is null && token.Kind == TokenKind.QuotedString)
            {
                name = Take();
                continue;
            }
            if (token.Kind == TokenKind.Unquoted)
            {
                Take();
                (name is null ? prefix : suffix).Append(token.Text);
                lastWasOpenParen = token.Text.EndsWith('(');
                continue;
            }
            break;
        }
        var form = prefix.ToString();
        var required = form.StartsWith("required(", StringComparison.Ordinal);
        var kind = required ? form["required(".Length..] : form;
        var closing = (required ? 1 : 0) + (kind.Length > 0 ? 1 : 0);
        if (name is null || kind is not ("" or "file(" or "classpath(" or "url(") || suffix.ToString() != new string(')', closing))
        {
            throw new HoconException(
                "include expects a quoted file name, file(\"…\"), classpath(\"…\"), url(\"…\") or required(…) around one of them", origin);
        }
        var included = _context.Include(kind.TrimEnd('('), name.Text, required, path, name.Origin);
        if (included is not null)
        {
            obj.AddAll(included);
        }
    }
}
