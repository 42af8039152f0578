using System.Globalization;
using System.Text;

namespace Supervisor.Configuration.Hocon;

/// <summary>
/// Splits HOCON text into tokens on demand, keeping line and column. Comments are dropped (the newline after them is
/// not). Numbers, <c>true</c>, <c>false</c> and <c>null</c> are cut off the front of an unquoted run the way the
/// reference implementation does, so <c>10.0foo</c> is the number <c>10.0</c> followed by the text <c>foo</c>.
/// </summary>
internal sealed class Tokenizer
{
    private const string NotInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";
    private const string NumberChars = "0123456789+-.eE";
    private static readonly bool[] Reserved = Table(NotInUnquoted);
    private static readonly bool[] InNumber = Table(NumberChars);

    private readonly string _text;
    private readonly string _source;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public Tokenizer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    private ConfigOrigin Here => new(_source, _line, _pos - _lineStart + 1);

    public Token Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.Eof, "", Here);
            }
            var c = _text[_pos];
            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                var newline = _text.IndexOf('\n', _pos);
                _pos = newline < 0 ? _text.Length : newline;
                continue;
            }
            return Read(c);
        }
    }

    private Token Read(char c)
    {
        var origin = Here;
        switch (c)
        {
            case '\n':
                _pos++;
                _line++;
                _lineStart = _pos;
                return new Token(TokenKind.Newline, "\n", origin);
            case '{': return Punct(TokenKind.OpenCurly, "{", origin);
            case '}': return Punct(TokenKind.CloseCurly, "}", origin);
            case '[': return Punct(TokenKind.OpenSquare, "[", origin);
            case ']': return Punct(TokenKind.CloseSquare, "]", origin);
            case ',': return Punct(TokenKind.Comma, ",", origin);
            case ':': return Punct(TokenKind.Colon, ":", origin);
            case '=': return Punct(TokenKind.Equals, "=", origin);
            case '+':
                if (Peek(1) != '=')
                {
                    throw new HoconException("'+' not followed by '=' (quote the value if '+' belongs to it)", origin);
                }
                _pos += 2;
                return new Token(TokenKind.PlusEquals, "+=", origin);
            case '$':
                if (Peek(1) != '{')
                {
                    throw new HoconException("'$' not followed by '{' (quote the value if '$' belongs to it)", origin);
                }
                return ReadSubstitution(origin);
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted(origin) : ReadQuoted(origin);
        }
        if (HoconWhitespace.Is(c))
        {
            var start = _pos;
            while (_pos < _text.Length && _text[_pos] != '\n' && HoconWhitespace.Is(_text[_pos]))
            {
                _pos++;
            }
            var text = _pos - start == 1 && c == ' ' ? " " : _text[start.._pos];
            return new Token(TokenKind.Whitespace, text, origin);
        }
        if (c is >= '0' and <= '9' or '-')
        {
            return ReadNumber(origin);
        }
        if (IsReserved(c))
        {
            throw new HoconException($"reserved character '{c}' is not allowed outside quotes", origin);
        }
        return ReadUnquoted(origin);
    }

    private static bool[] Table(string chars)
    {
        var table = new bool[128];
        foreach (var c in chars)
        {
            table[c] = true;
        }
        return table;
    }

    private static bool IsReserved(char c) => c < 128 && Reserved[c];

    private Token Punct(TokenKind kind, string text, ConfigOrigin origin)
    {
        _pos++;
        return new Token(kind, text, origin);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private Token ReadNumber(ConfigOrigin origin)
    {
        var start = _pos;
        var decimalOrExponent = false;
        _pos++;
        while (_pos < _text.Length && _text[_pos] < 128 && InNumber[_text[_pos]])
        {
            decimalOrExponent |= _text[_pos] is '.' or 'e' or 'E';
            _pos++;
        }
        var text = _text[start.._pos];
        var isNumber = decimalOrExponent
            ? IsJavaDouble(text)
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        if (isNumber)
        {
            return new Token(TokenKind.Number, text, origin);
        }
        foreach (var ch in text)
        {
            if (IsReserved(ch))
            {
                throw new HoconException($"reserved character '{ch}' is not allowed outside quotes (in '{text}')", origin);
            }
        }
        return new Token(TokenKind.Unquoted, text, origin);
    }

    // Java's Double.parseDouble takes "1.", ".5" and "1e5" but no hex, no "Infinity" here (letters never reach this).
    private static bool IsJavaDouble(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out _);

    private Token ReadUnquoted(ConfigOrigin origin)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsReserved(c) || HoconWhitespace.Is(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }
            _pos++;
            var length = _pos - start;
            if (length is 4 or 5)
            {
                var soFar = _text.AsSpan(start, length);
                if (soFar.SequenceEqual("true"))
                {
                    return new Token(TokenKind.True, "true", origin);
                }
                if (soFar.SequenceEqual("null"))
                {
                    return new Token(TokenKind.Null, "null", origin);
                }
                if (soFar.SequenceEqual("false"))
                {
                    return new Token(TokenKind.False, "false", origin);
                }
            }
        }
        return new Token(TokenKind.Unquoted, _text[start.._pos], origin);
    }

    private Token ReadQuoted(ConfigOrigin origin)
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new HoconException("unterminated quoted string: end of file before the closing '\"'", origin);
            }
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return new Token(TokenKind.QuotedString, sb.ToString(), origin);
            }
            if (c == '\n')
            {
                throw new HoconException("unterminated quoted string: a newline inside quotes (use \\n, or a \"\"\"triple-quoted\"\"\" string)", origin);
            }
            if (c < ' ')
            {
                throw new HoconException($"control character U+{(int)c:X4} inside a quoted string must be escaped", Here);
            }
            if (c == '\\')
            {
                sb.Append(ReadEscape());
                continue;
            }
            sb.Append(c);
            _pos++;
        }
    }

    private char ReadEscape()
    {
        var at = Here;
        var e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }
                throw new HoconException("\\u must be followed by four hex digits", at);
            default:
                var shown = e == '\0' ? "end of file" : $"'{e}'";
                throw new HoconException(
                    $"backslash followed by {shown} is not a valid escape (quoted strings use JSON escapes; write \\\\ for a backslash)", at);
        }
    }

    private Token ReadTripleQuoted(ConfigOrigin origin)
    {
        _pos += 3;
        var start = _pos;
        while (_pos < _text.Length)
        {
            if (_text[_pos] == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                var end = _pos + 3;
                while (end < _text.Length && _text[end] == '"')
                {
                    end++;
                }
                var content = _text[start..(end - 3)];
                AdvanceTo(end);
                return new Token(TokenKind.TripleQuotedString, content, origin);
            }
            _pos++;
        }
        throw new HoconException("unterminated triple-quoted string: end of file before the closing '\"\"\"'", origin);
    }

    // Triple-quoted strings may span lines; keep the line count right.
    private void AdvanceTo(int end)
    {
        for (var i = _pos; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }
        _pos = end;
    }

    private Token ReadSubstitution(ConfigOrigin origin)
    {
        _pos += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }
        var parts = new List<Token>();
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case TokenKind.CloseCurly:
                    var text = string.Concat(parts.Select(p => p.IsQuoted ? "\"" + p.Text + "\"" : p.Text)).Trim();
                    if (parts.All(p => p.Kind == TokenKind.Whitespace))
                    {
                        throw new HoconException("empty substitution ${}", origin);
                    }
                    return new Token(TokenKind.Substitution, text, origin) { Optional = optional, PathTokens = parts };
                case TokenKind.Eof or TokenKind.Newline:
                    throw new HoconException("unterminated substitution: no '}' before the end of the line", origin);
                default:
                    if (!token.IsKeyPart)
                    {
                        throw new HoconException($"{token.Describe()} is not allowed in a substitution path", token.Origin);
                    }
                    parts.Add(token);
                    break;
            }
        }
    }
}
