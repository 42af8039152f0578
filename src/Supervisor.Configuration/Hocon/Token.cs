namespace Supervisor.Configuration.Hocon;

/// <summary>
/// One lexical token. <see cref="Text"/> is the decoded value of a quoted string and the source text of everything
/// else (numbers keep how they were written). A substitution carries its path tokens.
/// </summary>
internal sealed class Token(TokenKind kind, string text, ConfigOrigin origin)
{
    public TokenKind Kind { get; } = kind;

    public string Text { get; } = text;

    public ConfigOrigin Origin { get; } = origin;

    public bool Optional { get; init; }

    public IReadOnlyList<Token>? PathTokens { get; init; }

    public bool IsKeyPart => Kind is TokenKind.QuotedString or TokenKind.TripleQuotedString or TokenKind.Unquoted
        or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.Whitespace;

    public bool IsQuoted => Kind is TokenKind.QuotedString or TokenKind.TripleQuotedString;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of file",
        TokenKind.Newline => "a newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.QuotedString or TokenKind.TripleQuotedString => $"the quoted string \"{Text}\"",
        TokenKind.Substitution => "${" + Text + "}",
        _ => $"'{Text}'",
    };
}
