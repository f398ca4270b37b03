namespace SefData.GraphQL.Language;

/// <summary>Lexical token kinds (spec 2.1), in graphql-js's order.</summary>
public enum TokenKind : byte
{
    StartOfFile, EndOfFile,
    Bang, Dollar, Amp, ParenL, ParenR, Spread, Colon, Equals, At, BracketL, BracketR, BraceL, Pipe, BraceR,
    Name, Int, Float, String, BlockString, Comment,
}

/// <summary>
/// A token as a range of the source text. Only string tokens carry a value (their cooked text, which the AST keeps
/// anyway); names and numbers are sliced from the source by the parser when it builds a node.
/// </summary>
public readonly struct Token
{
    public Token(TokenKind kind, int start, int end, string? value = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = value;
    }

    public TokenKind Kind { get; }
    /// <summary>Offset of the first character.</summary>
    public int Start { get; }
    /// <summary>Offset just past the last character.</summary>
    public int End { get; }
    /// <summary>The cooked value of a String or BlockString token; null for every other kind.</summary>
    public string? Value { get; }

    public override string ToString() => $"{Kind} [{Start},{End})";

    /// <summary>How graphql-js names a token kind in messages: punctuators quoted, others by name.</summary>
    public static string KindDescription(TokenKind kind) => kind switch
    {
        TokenKind.StartOfFile => "<SOF>",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Bang => "\"!\"",
        TokenKind.Dollar => "\"$\"",
        TokenKind.Amp => "\"&\"",
        TokenKind.ParenL => "\"(\"",
        TokenKind.ParenR => "\")\"",
        TokenKind.Spread => "\"...\"",
        TokenKind.Colon => "\":\"",
        TokenKind.Equals => "\"=\"",
        TokenKind.At => "\"@\"",
        TokenKind.BracketL => "\"[\"",
        TokenKind.BracketR => "\"]\"",
        TokenKind.BraceL => "\"{\"",
        TokenKind.Pipe => "\"|\"",
        TokenKind.BraceR => "\"}\"",
        TokenKind.Name => "Name",
        TokenKind.Int => "Int",
        TokenKind.Float => "Float",
        TokenKind.String => "String",
        TokenKind.BlockString => "BlockString",
        TokenKind.Comment => "Comment",
        _ => kind.ToString(),
    };
}
