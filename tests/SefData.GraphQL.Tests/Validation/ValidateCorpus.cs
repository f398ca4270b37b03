using System.Globalization;
using System.Text;
using System.Text.Json;
using SefData.GraphQL.Tests.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Validation;

/// <summary>
/// The validation corpus (Corpus/validate/*.graphql, format in Corpus/README.md) and graphql-js's verdict on each
/// document, obtained by running tests/js/oracle-validate.mjs once for the whole corpus.
/// </summary>
public static class ValidateCorpus
{
    public const string DefaultSchema = "harness";

    public sealed record Case(string Id, string File, string Document, string Schema, int MaxErrors);

    public sealed record ErrorShape(string Message, IReadOnlyList<(int Line, int Column)> Locations)
    {
        public override string ToString() =>
            Message + " @ " + string.Join(" ", Locations.Select(l => l.Line.ToString(CultureInfo.InvariantCulture) + ":" + l.Column.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Either the errors validate returned, or the message of the GraphQLError it threw.</summary>
    public sealed record RuleResult(IReadOnlyList<ErrorShape>? Errors, string? Thrown)
    {
        public static readonly RuleResult Empty = new([], null);
        public bool Reports => Thrown is not null || Errors!.Count > 0;
    }

    public sealed record OracleResult(ErrorShape? SyntaxError, RuleResult? All, IReadOnlyDictionary<string, RuleResult> ByRule);

    public sealed record Oracle(IReadOnlyList<string> SpecifiedRules, IReadOnlyDictionary<string, OracleResult> Results);

    private static readonly Lazy<IReadOnlyList<Case>> s_cases = new(LoadCases);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_schemaSdl = new(LoadSchemas);
    private static readonly Lazy<Oracle> s_oracle = new(RunOracle);
    private static readonly Dictionary<string, Schema> s_schemas = new();

    public static IReadOnlyList<Case> Cases => s_cases.Value;
    public static Case Get(string id) => Cases.First(c => c.Id == id);
    public static Oracle JsOracle => s_oracle.Value;

    public static Schema GetSchema(string name)
    {
        lock (s_schemas)
        {
            if (!s_schemas.TryGetValue(name, out var schema))
                s_schemas[name] = schema = SchemaBuilder.BuildSchema(s_schemaSdl.Value[name]);
            return schema;
        }
    }

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Id);
        return data;
    }

    private static string Folder => Path.Combine(ParseCorpus.RepoRoot(), "tests", "SefData.GraphQL.Tests", "Corpus", "validate");

    private static IReadOnlyDictionary<string, string> LoadSchemas()
    {
        var schemas = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "schemas"), "*.graphqls"))
            schemas[Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file, new UTF8Encoding(false));
        return schemas;
    }

    private static IReadOnlyList<Case> LoadCases()
    {
        var files = Directory.GetFiles(Folder, "*.graphql");
        Array.Sort(files, StringComparer.Ordinal);
        var cases = new List<Case>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var index = 0;
            foreach (var document in ParseCorpus.Split(File.ReadAllText(file, new UTF8Encoding(false))))
            {
                var (schema, maxErrors) = ReadOptions(document);
                cases.Add(new Case(name + "#" + (++index).ToString("D2", CultureInfo.InvariantCulture), name, document, schema, maxErrors));
            }
        }
        // Generated documents (DocumentGenerator), the same ones every run.
        var generator = new DocumentGenerator(GetSchema(DefaultSchema), seed: 20261122);
        for (var i = 1; i <= GeneratedCount; i++)
            cases.Add(new Case("generated#" + i.ToString("D3", CultureInfo.InvariantCulture), "generated", generator.Next(), DefaultSchema, 100));
        return cases;
    }

    public const int GeneratedCount = 400;

    // Leading comment lines "# schema: NAME" and "# maxErrors: N" set a case's options (they are comments to GraphQL).
    private static (string Schema, int MaxErrors) ReadOptions(string document)
    {
        var schema = DefaultSchema;
        var maxErrors = 100;
        foreach (var line in document.Split('\n'))
        {
            if (!line.StartsWith('#')) break;
            if (line.StartsWith("# schema: ", StringComparison.Ordinal)) schema = line["# schema: ".Length..].Trim();
            else if (line.StartsWith("# maxErrors: ", StringComparison.Ordinal))
                maxErrors = int.Parse(line["# maxErrors: ".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        return (schema, maxErrors);
    }

    private static Oracle RunOracle()
    {
        var cases = Cases;
        var input = JsonSerializer.Serialize(new
        {
            schemas = s_schemaSdl.Value,
            cases = cases.Select(c => new { schema = c.Schema, document = c.Document, maxErrors = c.MaxErrors }),
        });

        var stdout = NodeOracle.Run("oracle-validate.mjs", input);

        using var json = JsonDocument.Parse(stdout);
        var rules = json.RootElement.GetProperty("specifiedRules").EnumerateArray().Select(e => e.GetString()!).ToList();
        var results = new Dictionary<string, OracleResult>();
        var index = 0;
        foreach (var element in json.RootElement.GetProperty("results").EnumerateArray())
        {
            OracleResult result;
            if (element.TryGetProperty("syntaxError", out var syntaxError))
            {
                result = new OracleResult(ReadError(syntaxError), null, new Dictionary<string, RuleResult>());
            }
            else
            {
                var byRule = new Dictionary<string, RuleResult>();
                foreach (var rule in element.GetProperty("rules").EnumerateObject()) byRule[rule.Name] = ReadRuleResult(rule.Value);
                result = new OracleResult(null, ReadRuleResult(element), byRule);
            }
            results[cases[index++].Id] = result;
        }
        if (index != cases.Count) throw new InvalidOperationException($"oracle answered {index} of {cases.Count} documents");
        return new Oracle(rules, results);
    }

    private static RuleResult ReadRuleResult(JsonElement element)
    {
        var thrown = element.GetProperty("thrown");
        if (thrown.ValueKind == JsonValueKind.String) return new RuleResult(null, thrown.GetString());
        return new RuleResult(element.GetProperty("errors").EnumerateArray().Select(ReadError).ToList(), null);
    }

    private static ErrorShape ReadError(JsonElement error)
    {
        var locations = new List<(int, int)>();
        foreach (var location in error.GetProperty("locations").EnumerateArray())
            locations.Add((location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32()));
        return new ErrorShape(error.GetProperty("message").GetString()!, locations);
    }
}
