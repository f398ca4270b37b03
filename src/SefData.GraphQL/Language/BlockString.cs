using System.Text;

namespace SefData.GraphQL.Language;

/// <summary>Block string handling: the spec's BlockStringValue() dedent, and graphql-js's printBlockString.</summary>
public static class BlockString
{
    private static bool IsWhiteSpace(int c) => c == ' ' || c == '\t';

    private static int LeadingWhiteSpace(string line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i])) i++;
        return i;
    }

    /// <summary>
    /// Spec BlockStringValue(): removes the common indentation of all lines but the first, drops leading and trailing
    /// blank lines, and joins the rest with "\n".
    /// </summary>
    public static string DedentLines(IReadOnlyList<string> lines)
    {
        var commonIndent = int.MaxValue;
        var firstNonEmptyLine = -1;
        var lastNonEmptyLine = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhiteSpace(line);
            if (indent == line.Length) continue; // blank line
            if (firstNonEmptyLine < 0) firstNonEmptyLine = i;
            lastNonEmptyLine = i;
            if (i != 0 && indent < commonIndent) commonIndent = indent;
        }
        if (firstNonEmptyLine < 0) return "";
        if (firstNonEmptyLine == lastNonEmptyLine) return Dedent(lines[firstNonEmptyLine], firstNonEmptyLine, commonIndent);

        var builder = new StringBuilder();
        for (var i = firstNonEmptyLine; i <= lastNonEmptyLine; i++)
        {
            if (i != firstNonEmptyLine) builder.Append('\n');
            var line = lines[i];
            if (i == 0) builder.Append(line);
            else if (commonIndent < line.Length) builder.Append(line, commonIndent, line.Length - commonIndent);
        }
        return builder.ToString();
    }

    private static string Dedent(string line, int index, int commonIndent) =>
        index == 0 ? line : commonIndent < line.Length ? line.Substring(commonIndent) : "";

    /// <summary>Splits raw text on \r\n, \n or \r, then dedents (graphql-js dedentBlockStringLines + join).</summary>
    public static string DedentText(string raw)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(raw.Substring(start, i - start));
            if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n') i++;
            start = i + 1;
        }
        lines.Add(raw.Substring(start));
        return DedentLines(lines);
    }

    /// <summary>graphql-js isPrintableAsBlockString: whether printing as a block string keeps the value intact.</summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0) return true;
        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\u0000': case '\u0001': case '\u0002': case '\u0003': case '\u0004': case '\u0005':
                case '\u0006': case '\u0007': case '\u0008': case '\u000B': case '\u000C': case '\u000E':
                case '\u000F':
                    return false; // non-printable
                case '\r':
                    return false; // would be read back as \n
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine) return false; // leading new line
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine) return false; // trailing empty lines
        if (hasCommonIndent && seenNonEmptyLine) return false; // internal indent
        return true;
    }

    /// <summary>
    /// graphql-js printBlockString: escapes triple quotes and adds leading/trailing new lines where they keep the
    /// value readable and round-trippable.
    /// </summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Contains("\"\"\"", StringComparison.Ordinal) ? value.Replace("\"\"\"", "\\\"\"\"") : value;

        // Split on \r\n | \n | \r to inspect lines.
        var lineCount = 1;
        var forceLeadingNewLine = true;
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\n' && c != '\r') continue;
            if (c == '\r' && i + 1 < escaped.Length && escaped[i + 1] == '\n') i++;
            lineCount++;
            // Every line after the first must be empty or start with white space.
            if (i + 1 < escaped.Length)
            {
                var next = escaped[i + 1];
                if (next != '\n' && next != '\r' && !IsWhiteSpace(next)) forceLeadingNewLine = false;
            }
        }
        var isSingleLine = lineCount == 1;
        if (isSingleLine) forceLeadingNewLine = false;

        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);

        var builder = new StringBuilder(escaped.Length + 8);
        builder.Append("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) builder.Append('\n');
        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline) builder.Append('\n');
        builder.Append("\"\"\"");
        return builder.ToString();
    }
}
