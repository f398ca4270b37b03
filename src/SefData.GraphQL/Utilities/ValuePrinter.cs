using System.Text;
using SefData.GraphQL.Language;

namespace SefData.GraphQL.Utilities;

/// <summary>
/// Prints value literals and type references exactly as graphql-js <c>print</c> does. Kept here (rather than using the
/// language printer) because coercion messages and the schema printer need only this small part.
/// </summary>
public static class ValuePrinter
{
    public static string Print(ValueNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    public static string Print(TypeNode node) => node switch
    {
        NamedTypeNode n => n.Name.Value,
        ListTypeNode l => "[" + Print(l.Type) + "]",
        NonNullTypeNode nn => Print(nn.Type) + "!",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static void Append(StringBuilder sb, ValueNode node)
    {
        switch (node)
        {
            case VariableNode v: sb.Append('$').Append(v.Name.Value); break;
            case IntValueNode i: sb.Append(i.Value); break;
            case FloatValueNode f: sb.Append(f.Value); break;
            case StringValueNode s: sb.Append(s.Block ? PrintBlockString(s.Value) : PrintString(s.Value)); break;
            case BooleanValueNode b: sb.Append(b.Value ? "true" : "false"); break;
            case NullValueNode: sb.Append("null"); break;
            case EnumValueNode e: sb.Append(e.Value); break;
            case ListValueNode l:
                sb.Append('[');
                for (var i = 0; i < l.Values.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Append(sb, l.Values[i]);
                }
                sb.Append(']');
                break;
            case ObjectValueNode o:
                sb.Append('{');
                for (var i = 0; i < o.Fields.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(o.Fields[i].Name.Value).Append(": ");
                    Append(sb, o.Fields[i].Value);
                }
                sb.Append('}');
                break;
            default: throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    /// <summary>A string literal with control characters, quote and backslash escaped (graphql-js printString).</summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case < '\x20' or (>= '\x7f' and <= '\x9f'):
                    sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A block string literal laid out as graphql-js printBlockString does (no minimize option).</summary>
    public static string PrintBlockString(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || IsWhiteSpace(l[0]));
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        var sb = new StringBuilder("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) sb.Append('\n');
        sb.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline) sb.Append('\n');
        sb.Append("\"\"\"");
        return sb.ToString();
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t';
}
