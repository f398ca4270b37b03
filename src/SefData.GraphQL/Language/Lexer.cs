using System.Runtime.CompilerServices;
using System.Text;

namespace SefData.GraphQL.Language;

/// <summary>
/// Turns GraphQL source text into tokens (spec 2.1), reproducing graphql-js 16.11's lexer: the same accepted
/// language, the same error messages and the same error positions. Tokens are produced lazily, one at a time,
/// so that a syntax error is reported at the same place graphql-js reports it.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private Token _lookahead;
    private bool _hasLookahead;

    public Lexer(Source source)
    {
        Source = source;
        _body = source.Body;
        Current = new Token(TokenKind.StartOfFile, 0, 0);
        Previous = Current;
    }

    public Lexer(string body) : this(new Source(body)) { }

    public Source Source { get; }

    // Fields rather than properties so the parser reads them in place instead of copying the struct.
    internal Token Current;
    internal Token Previous;

    /// <summary>The current (most recently advanced to) token.</summary>
    public Token Token => Current;

    /// <summary>The token before <see cref="Token"/>; node locations end where it ends.</summary>
    public Token LastToken => Previous;

    /// <summary>Moves to the next token that is not a comment and returns it.</summary>
    public Token Advance()
    {
        Previous = Current;
        if (_hasLookahead)
        {
            Current = _lookahead;
            _hasLookahead = false;
        }
        else if (Current.Kind != TokenKind.EndOfFile)
        {
            Current = ReadSignificantToken(Current.End);
        }
        return Current;
    }

    /// <summary>The token after <see cref="Token"/> (skipping comments), without moving.</summary>
    public Token Lookahead()
    {
        if (_hasLookahead) return _lookahead;
        if (Current.Kind == TokenKind.EndOfFile) return Current;
        _lookahead = ReadSignificantToken(Current.End);
        _hasLookahead = true;
        return _lookahead;
    }

    private Token ReadSignificantToken(int position)
    {
        var token = ReadToken(position);
        while (token.Kind == TokenKind.Comment) token = ReadToken(token.End);
        return token;
    }

    /// <summary>The source text of a token (a name or number as written).</summary>
    public string GetText(in Token token) => _body.Substring(token.Start, token.End - token.Start);

    public ReadOnlySpan<char> GetSpan(in Token token) => _body.AsSpan(token.Start, token.End - token.Start);

    /// <summary>Whether the token is a Name spelled exactly <paramref name="keyword"/>.</summary>
    public bool IsKeyword(in Token token, string keyword) =>
        token.Kind == TokenKind.Name && GetSpan(token).SequenceEqual(keyword);

    /// <summary>graphql-js compares <c>token.value</c>, which strings have too; this mirrors that.</summary>
    public bool ValueEquals(in Token token, string value) => token.Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => GetSpan(token).SequenceEqual(value),
        TokenKind.String or TokenKind.BlockString => token.Value == value,
        TokenKind.Comment => CommentSpan(token).SequenceEqual(value),
        _ => false,
    };

    /// <summary>A comment token's text without the leading '#' (graphql-js's comment token value).</summary>
    public string GetCommentText(in Token token) => CommentSpan(token).ToString();

    private ReadOnlySpan<char> CommentSpan(in Token token) => _body.AsSpan(token.Start + 1, token.End - token.Start - 1);

    /// <summary>graphql-js's getTokenDesc: the kind, then the value in quotes when the token has one.</summary>
    public string Describe(in Token token)
    {
        var kind = Token.KindDescription(token.Kind);
        return token.Kind switch
        {
            TokenKind.Name or TokenKind.Int or TokenKind.Float => kind + " \"" + GetText(token) + "\"",
            TokenKind.String or TokenKind.BlockString => kind + " \"" + token.Value + "\"",
            TokenKind.Comment => kind + " \"" + GetCommentText(token) + "\"",
            _ => kind,
        };
    }

    /// <summary>Reads the token (comments included) that starts at or after <paramref name="start"/>.</summary>
    public Token ReadToken(int start)
    {
        var body = _body;
        var length = body.Length;
        var position = start;
        while (position < length)
        {
            var c = body[position];
            switch (c)
            {
                // Ignored: BOM, white space, line terminators, commas.
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                case '\n':
                case '\r':
                    position++;
                    continue;
                case '#':
                    return ReadComment(position);
                case '!': return new Token(TokenKind.Bang, position, position + 1);
                case '$': return new Token(TokenKind.Dollar, position, position + 1);
                case '&': return new Token(TokenKind.Amp, position, position + 1);
                case '(': return new Token(TokenKind.ParenL, position, position + 1);
                case ')': return new Token(TokenKind.ParenR, position, position + 1);
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                        return new Token(TokenKind.Spread, position, position + 3);
                    break;
                case ':': return new Token(TokenKind.Colon, position, position + 1);
                case '=': return new Token(TokenKind.Equals, position, position + 1);
                case '@': return new Token(TokenKind.At, position, position + 1);
                case '[': return new Token(TokenKind.BracketL, position, position + 1);
                case ']': return new Token(TokenKind.BracketR, position, position + 1);
                case '{': return new Token(TokenKind.BraceL, position, position + 1);
                case '|': return new Token(TokenKind.Pipe, position, position + 1);
                case '}': return new Token(TokenKind.BraceR, position, position + 1);
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsDigit(c) || c == '-') return ReadNumber(position, c);
            if (IsNameStart(c)) return ReadName(position);

            throw SyntaxError(position,
                c == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : !char.IsSurrogate(c) || IsSupplementaryCodePoint(position)
                        ? "Unexpected character: " + PrintCodePointAt(position) + "."
                        : "Invalid character: " + PrintCodePointAt(position) + ".");
        }
        return new Token(TokenKind.EndOfFile, length, length);
    }

    // ---- Character classes --------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CharAt(int position) => (uint)position < (uint)_body.Length ? _body[position] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNameStart(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNameContinue(int c) => IsNameStart(c) || IsDigit(c);

    private static bool IsUnicodeScalarValue(int code) => code is >= 0 and <= 0xD7FF or >= 0xE000 and <= 0x10FFFF;

    /// <summary>A valid surrogate pair starts at <paramref name="position"/>.</summary>
    private bool IsSupplementaryCodePoint(int position) =>
        CharAt(position) is >= 0xD800 and <= 0xDBFF && CharAt(position + 1) is >= 0xDC00 and <= 0xDFFF;

    /// <summary>A character as graphql-js quotes it in messages: printable ASCII in quotes, else U+XXXX.</summary>
    private string PrintCodePointAt(int position)
    {
        if (position >= _body.Length) return "<EOF>";
        int code = _body[position];
        if (IsSupplementaryCodePoint(position)) code = char.ConvertToUtf32(_body[position], _body[position + 1]);
        if (code is >= 0x20 and <= 0x7E) return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        return "U+" + code.ToString(code > 0xFFFF ? "X" : "X4");
    }

    private GraphQLError SyntaxError(int position, string description) =>
        GraphQLError.SyntaxError(Source, position, description);

    // ---- Token readers -------------------------------------------------------------------------------------------

    private Token ReadComment(int start)
    {
        var body = _body;
        var position = start + 1;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '\n' || c == '\r') break;
            if (!char.IsSurrogate(c)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else break; // A lone surrogate ends the comment; the next token read reports it.
        }
        // No value: the parser skips comments, so their text is only sliced if someone asks (GetCommentText).
        return new Token(TokenKind.Comment, start, position);
    }

    private Token ReadName(int start)
    {
        var body = _body;
        var position = start + 1;
        while (position < body.Length && IsNameContinue(body[position])) position++;
        return new Token(TokenKind.Name, start, position);
    }

    // IntValue / FloatValue with graphql-js's rules: no leading zeros, digits required after '.', 'e' and sign,
    // and a number must not be directly followed by '.' or a name start.
    private Token ReadNumber(int start, int code)
    {
        var position = start;
        var isFloat = false;
        if (code == '-') code = CharAt(++position);
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
                throw SyntaxError(position, "Invalid number, unexpected digit after 0: " + PrintCodePointAt(position) + ".");
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-') code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.' || IsNameStart(code))
            throw SyntaxError(position, "Invalid number, expected digit but got: " + PrintCodePointAt(position) + ".");
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
            throw SyntaxError(start, "Invalid number, expected digit but got: " + PrintCodePointAt(start) + ".");
        var position = start + 1;
        while (IsDigit(CharAt(position))) position++;
        return position;
    }

    private Token ReadString(int start)
    {
        var body = _body;
        var length = body.Length;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null; // Only strings with escapes need building; others are one Substring.
        while (position < length)
        {
            var c = body[position];
            if (c == '"')
            {
                string cooked;
                if (value is null)
                {
                    cooked = body.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    cooked = value.ToString();
                    ReleaseBuilder(value);
                }
                return new Token(TokenKind.String, start, position + 1, cooked);
            }
            if (c == '\\')
            {
                value ??= AcquireBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                position += CharAt(position + 1) == 'u'
                    ? CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value)
                    : ReadEscapedCharacter(position, value);
                chunkStart = position;
                continue;
            }
            if (c == '\n' || c == '\r') break;
            if (!char.IsSurrogate(c)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw SyntaxError(position, "Invalid character within String: " + PrintCodePointAt(position) + ".");
        }
        throw SyntaxError(position, "Unterminated string.");
    }

    // \u{X...}: 1 to 8 hex digits naming a Unicode scalar value; returns the escape's length.
    private int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point)) break;
                AppendCodePoint(value, point);
                return size;
            }
            point = (point << 4) | ReadHexDigit(code);
            if (point < 0) break;
        }
        throw SyntaxError(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + size) + "\".");
    }

    // \uXXXX, or a JSON-style surrogate pair \uD83D\uDE00 (a lone surrogate is an error).
    private int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        var code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }
        if (code is >= 0xD800 and <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHexCode(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }
        throw SyntaxError(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + 6) + "\".");
    }

    private int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char escaped;
        switch (CharAt(position + 1))
        {
            case '"': escaped = '"'; break;
            case '\\': escaped = '\\'; break;
            case '/': escaped = '/'; break;
            case 'b': escaped = '\b'; break;
            case 'f': escaped = '\f'; break;
            case 'n': escaped = '\n'; break;
            case 'r': escaped = '\r'; break;
            case 't': escaped = '\t'; break;
            default:
                throw SyntaxError(position, "Invalid character escape sequence: \"" + Slice(position, position + 2) + "\".");
        }
        value.Append(escaped);
        return 2;
    }

    private int Read16BitHexCode(int position) =>
        (ReadHexDigit(CharAt(position)) << 12) | (ReadHexDigit(CharAt(position + 1)) << 8)
        | (ReadHexDigit(CharAt(position + 2)) << 4) | ReadHexDigit(CharAt(position + 3));

    private static int ReadHexDigit(int c) =>
        c is >= '0' and <= '9' ? c - '0'
        : c is >= 'A' and <= 'F' ? c - 'A' + 10
        : c is >= 'a' and <= 'f' ? c - 'a' + 10
        : -1;

    private static void AppendCodePoint(StringBuilder value, int point)
    {
        if (point < 0x10000)
        {
            value.Append((char)point);
        }
        else
        {
            point -= 0x10000;
            value.Append((char)(0xD800 + (point >> 10))).Append((char)(0xDC00 + (point & 0x3FF)));
        }
    }

    /// <summary>JavaScript's slice: clamps the end to the text.</summary>
    private string Slice(int start, int end) => _body.Substring(start, Math.Min(end, _body.Length) - start);

    private Token ReadBlockString(int start)
    {
        var body = _body;
        var length = body.Length;
        var position = start + 3;
        var chunkStart = position;
        var lines = new List<string>();
        StringBuilder? line = null; // Only needed when a line holds an escaped triple quote.
        while (position < length)
        {
            var c = body[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                lines.Add(EndLine(ref line, chunkStart, position));
                return new Token(TokenKind.BlockString, start, position + 3, BlockString.DedentLines(lines));
            }
            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                line ??= new StringBuilder();
                line.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1; // Drop only the backslash.
                position += 4;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                lines.Add(EndLine(ref line, chunkStart, position));
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                continue;
            }
            if (!char.IsSurrogate(c)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw SyntaxError(position, "Invalid character within String: " + PrintCodePointAt(position) + ".");
        }
        throw SyntaxError(position, "Unterminated string.");
    }

    private string EndLine(ref StringBuilder? line, int chunkStart, int position)
    {
        if (line is null) return _body.Substring(chunkStart, position - chunkStart);
        line.Append(_body, chunkStart, position - chunkStart);
        var text = line.ToString();
        line = null;
        return text;
    }

    [ThreadStatic] private static StringBuilder? t_builder;

    private static StringBuilder AcquireBuilder()
    {
        var builder = t_builder;
        if (builder is null) return new StringBuilder(64);
        t_builder = null;
        return builder.Clear();
    }

    private static void ReleaseBuilder(StringBuilder builder)
    {
        if (builder.Capacity <= 4096) t_builder = builder;
    }
}
