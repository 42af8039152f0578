namespace Supervisor.Configuration.Hocon;

internal enum TokenKind
{
    Eof,
    Newline,
    Whitespace,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenCurly,
    CloseCurly,
    OpenSquare,
    CloseSquare,
    QuotedString,
    TripleQuotedString,
    Unquoted,
    Number,
    True,
    False,
    Null,
    Substitution,
}
