using SefData.GraphQL.Language;

namespace SefData.GraphQL.Tests.Language;

public class LexerTests
{
    private static List<(TokenKind Kind, string Text, string? Value)> Lex(string body)
    {
        var lexer = new Lexer(body);
        var tokens = new List<(TokenKind, string, string?)>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
            tokens.Add((token.Kind, lexer.GetText(token), token.Value));
        return tokens;
    }

    private static GraphQLError LexError(string body)
    {
        var lexer = new Lexer(body);
        return Assert.Throws<GraphQLError>(() =>
        {
            while (lexer.Advance().Kind != TokenKind.EndOfFile) { }
        });
    }

    [Fact]
    public void Skips_bom_whitespace_commas_and_comments()
    {
        var tokens = Lex("\uFEFF ,\t\r\n# comment\r  foo,,bar # trailing");
        Assert.Equal([(TokenKind.Name, "foo", null), (TokenKind.Name, "bar", null)], tokens);
    }

    [Fact]
    public void Reads_every_punctuator()
    {
        var kinds = Lex("! $ & ( ) ... : = @ [ ] { | }").Select(t => t.Kind);
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread,
             TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL,
             TokenKind.Pipe, TokenKind.BraceR],
            kinds);
    }

    [Theory]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("1234567890", TokenKind.Int)]
    [InlineData("-12", TokenKind.Int)]
    [InlineData("0.0", TokenKind.Float)]
    [InlineData("1.5e10", TokenKind.Float)]
    [InlineData("1E-3", TokenKind.Float)]
    [InlineData("-1.0e+3", TokenKind.Float)]
    [InlineData("9e9", TokenKind.Float)]
    public void Reads_numbers(string text, TokenKind kind)
    {
        var token = Assert.Single(Lex(text));
        Assert.Equal((kind, text, (string?)null), token);
    }

    [Theory]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("0x", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 2)]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2)]
    [InlineData("+1", "Syntax Error: Unexpected character: \"+\".", 1, 1)]
    [InlineData(".5", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("'a'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"abc", "Syntax Error: Unterminated string.", 1, 5)]
    [InlineData("\"a\nb\"", "Syntax Error: Unterminated string.", 1, 3)]
    [InlineData("\"\\x\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 2)]
    [InlineData("\"\\u12\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"\".", 1, 2)]
    [InlineData("\"\\u{}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 2)]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 2)]
    [InlineData("\"\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 2)]
    [InlineData("\"\\uDE00\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".", 1, 2)]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("\"\"\"abc", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("a\r\n\u00e9", "Syntax Error: Unexpected character: U+00E9.", 2, 1)]
    public void Reports_errors_as_graphql_js_does(string body, string message, int line, int column)
    {
        var error = LexError(body);
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations);
    }

    // Lone surrogates do not survive xunit's InlineData serialization, so these are built in code.
    [Fact]
    public void Reports_lone_surrogates()
    {
        var inString = LexError("\"a" + '\uD800' + "\"");
        Assert.Equal("Syntax Error: Invalid character within String: U+D800.", inString.Message);
        Assert.Equal([new SourceLocation(1, 3)], inString.Locations);
        var bare = LexError("  " + '\uDC00');
        Assert.Equal("Syntax Error: Invalid character: U+DC00.", bare.Message);
        var afterComment = LexError("# c" + '\uD800' + "x");
        Assert.Equal("Syntax Error: Invalid character: U+D800.", afterComment.Message);
        Assert.Equal([new SourceLocation(1, 4)], afterComment.Locations);
        var inBlock = LexError("\"\"\"a" + '\uDC00' + "\"\"\"");
        Assert.Equal("Syntax Error: Invalid character within String: U+DC00.", inBlock.Message);
        Assert.Equal([new SourceLocation(1, 5)], inBlock.Locations);
        var trailingHigh = LexError("{ a }" + '\uD83D');
        Assert.Equal("Syntax Error: Invalid character: U+D83D.", trailingHigh.Message);
        Assert.Equal([new SourceLocation(1, 6)], trailingHigh.Locations);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "esc \" \\ / \b \f \n \r \t")]
    [InlineData("\"\\u0041\\u00e9\"", "A\u00e9")]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    [InlineData("\"\\u{0}\"", "\0")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"raw \U0001F600 ok\"", "raw \U0001F600 ok")]
    public void Cooks_string_values(string body, string value)
    {
        var token = Assert.Single(Lex(body));
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\"\n    indented\n      more\n    back\n\"\"\"", "indented\n  more\nback")]
    [InlineData("\"\"\"  first\n    second\"\"\"", "  first\nsecond")]
    [InlineData("\"\"\"\n\n  \n  a\n  \n\n\"\"\"", "a")]
    [InlineData("\"\"\"escaped \\\"\"\" quote\"\"\"", "escaped \"\"\" quote")]
    [InlineData("\"\"\"no \\n escapes\"\"\"", "no \\n escapes")]
    [InlineData("\"\"\"crlf\r\n  x\r  y\"\"\"", "crlf\nx\ny")]
    [InlineData("\"\"\"   \"\"\"", "")]
    public void Dedents_block_strings(string body, string value)
    {
        var token = Assert.Single(Lex(body));
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void Reads_comments_as_tokens_and_lookahead_skips_them()
    {
        var lexer = new Lexer("a # first\n# second\r\nb");
        var a = lexer.Advance();
        Assert.Equal("a", lexer.GetText(a));
        var raw = lexer.ReadToken(a.End);
        Assert.Equal(TokenKind.Comment, raw.Kind);
        Assert.Equal(" first", lexer.GetCommentText(raw));
        Assert.Equal("Comment \" first\"", lexer.Describe(raw));
        var next = lexer.Lookahead();
        Assert.Equal("b", lexer.GetText(next));
        Assert.Equal(a.End, lexer.Token.End); // lookahead does not move
        Assert.Equal(next.Start, lexer.Advance().Start);
        Assert.Equal(a.Start, lexer.LastToken.Start);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }
}
