using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SefData.GraphQL.Tests.Language;

/// <summary>
/// The parse corpus (Corpus/parse/*.graphql, format in Corpus/README.md) and graphql-js's verdict on each document,
/// obtained by running tests/js/oracle-parse.mjs once for the whole corpus.
/// </summary>
public static class ParseCorpus
{
    public const string Separator = "# ---";

    /// <summary>How a corpus document is parsed: the file name says (see Corpus/README.md).</summary>
    public enum Mode { Document, Value, ConstValue, Type }

    public sealed record Case(string Id, string Document, Mode Mode);

    private static Mode ModeOf(string fileName) =>
        fileName.EndsWith(".value", StringComparison.Ordinal) ? Mode.Value
        : fileName.EndsWith(".const", StringComparison.Ordinal) ? Mode.ConstValue
        : fileName.EndsWith(".type", StringComparison.Ordinal) ? Mode.Type
        : Mode.Document;

    /// <summary>graphql-js's answer: printed output, or a syntax error's message and locations.</summary>
    public sealed record OracleResult(string? Printed, string? ErrorMessage, IReadOnlyList<(int Line, int Column)> Locations)
    {
        /// <summary>The canonical AST form (see oracle-parse.mjs), for valid documents.</summary>
        public string? Ast { get; init; }
        public int TokenCount { get; init; }
    }

    private static readonly Lazy<IReadOnlyList<Case>> s_cases = new(LoadCases);
    private static readonly Lazy<IReadOnlyDictionary<string, OracleResult>> s_oracle = new(RunOracle);

    public static IReadOnlyList<Case> Cases => s_cases.Value;

    public static Case Get(string id) => Cases.First(c => c.Id == id);

    public static OracleResult Oracle(string id) => s_oracle.Value[id];

    /// <summary>Invalid documents live in files named error-*.graphql.</summary>
    public static bool IsErrorCase(string id) => id.StartsWith("error-", StringComparison.Ordinal);

    public static TheoryData<string> Ids(bool includeErrors = true)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            if (includeErrors || !IsErrorCase(c.Id)) data.Add(c.Id);
        }
        return data;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SefData.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find SefData.sln above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<Case> LoadCases()
    {
        var folder = Path.Combine(RepoRoot(), "tests", "SefData.GraphQL.Tests", "Corpus", "parse");
        var files = Directory.GetFiles(folder, "*.graphql");
        Array.Sort(files, StringComparer.Ordinal);
        var cases = new List<Case>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var mode = ModeOf(name);
            var index = 0;
            foreach (var document in Split(File.ReadAllText(file, new UTF8Encoding(false))))
            {
                cases.Add(new Case(name + "#" + (++index).ToString("D2", CultureInfo.InvariantCulture), document, mode));
            }
        }
        return cases;
    }

    /// <summary>
    /// Splits a corpus file on lines that are exactly "# ---". A document whose first line is "# options: crlf"
    /// (or "cr") has its line breaks rewritten to \r\n (or \r), to exercise those line terminators.
    /// </summary>
    public static IEnumerable<string> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line == Separator)
            {
                yield return Finish(current);
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }
        // A file ends with a newline; that last empty line is not part of the final document.
        if (current.Count > 0 && current[^1].Length == 0) current.RemoveAt(current.Count - 1);
        if (current.Count > 0) yield return Finish(current);
    }

    private static string Finish(List<string> lines)
    {
        var body = string.Join("\n", lines);
        if (lines.Count > 0 && lines[0] == "# options: crlf") return body.Replace("\n", "\r\n", StringComparison.Ordinal);
        if (lines.Count > 0 && lines[0] == "# options: cr") return body.Replace('\n', '\r');
        return body;
    }

    private static IReadOnlyDictionary<string, OracleResult> RunOracle()
    {
        var cases = Cases;
        var results = RunOracle(cases.Select(c => (c.Document, c.Mode)).ToList());
        var byId = new Dictionary<string, OracleResult>();
        for (var i = 0; i < cases.Count; i++) byId[cases[i].Id] = results[i];
        return byId;
    }

    /// <summary>Runs graphql-js once over all the given sources and returns its answers in the same order.</summary>
    public static IReadOnlyList<OracleResult> RunOracle(IReadOnlyList<(string Source, Mode Mode)> cases)
    {
        var input = new StringBuilder("[");
        for (var i = 0; i < cases.Count; i++)
        {
            if (i > 0) input.Append(',');
            if (cases[i].Mode == Mode.Document)
            {
                AppendJsonString(input, cases[i].Source);
                continue;
            }
            input.Append("{\"mode\":\"").Append(cases[i].Mode switch
            {
                Mode.Value => "value",
                Mode.ConstValue => "constValue",
                _ => "type",
            }).Append("\",\"source\":");
            AppendJsonString(input, cases[i].Source);
            input.Append('}');
        }
        input.Append(']');

        var stdout = NodeOracle.Run("oracle-parse.mjs", input.ToString());

        using var json = JsonDocument.Parse(stdout);
        var results = new List<OracleResult>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            OracleResult result;
            if (element.TryGetProperty("printed", out var printed))
            {
                result = new OracleResult(printed.GetString(), null, [])
                {
                    Ast = element.GetProperty("ast").GetString(),
                    TokenCount = element.TryGetProperty("tokenCount", out var count) ? count.GetInt32() : -1,
                };
            }
            else
            {
                var error = element.GetProperty("error");
                var locations = new List<(int, int)>();
                foreach (var location in error.GetProperty("locations").EnumerateArray())
                    locations.Add((location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
                result = new OracleResult(null, error.GetProperty("message").GetString(), locations);
            }
            results.Add(result);
        }
        if (results.Count != cases.Count)
            throw new InvalidOperationException($"oracle answered {results.Count} of {cases.Count} documents");
        return results;
    }

    // Every non-ASCII character escaped, so lone surrogates and control characters pass through intact.
    private static void AppendJsonString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c == '"') builder.Append("\\\"");
            else if (c == '\\') builder.Append("\\\\");
            else if (c < 0x20 || c > 0x7E) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        builder.Append('"');
    }
}
