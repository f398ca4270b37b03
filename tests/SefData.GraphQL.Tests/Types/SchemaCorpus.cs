using System.Text;
using System.Text.Json;
using SefData.GraphQL.Tests.Language;

namespace SefData.GraphQL.Tests.Types;

/// <summary>
/// SDL documents in Corpus/schema/*.graphql (same "# ---" format as the parse corpus) and graphql-js's verdict on
/// each: printSchema(buildSchema(sdl)) and validateSchema errors, from one run of tests/js/oracle-schema.mjs.
/// </summary>
public static class SchemaCorpus
{
    public sealed record Case(string Id, string Document);

    public sealed record OracleResult(string? Printed, string? PrintError, string? BuildError, IReadOnlyList<(string Message, IReadOnlyList<(int Line, int Column)> Locations)> Errors)
    {
        /// <summary>JSON of the introspection result data, for valid schemas.</summary>
        public string? Introspection { get; init; }
    }

    private static readonly Lazy<IReadOnlyList<Case>> s_cases = new(LoadCases);
    private static readonly Lazy<(string Query, string IntrospectionSchema, IReadOnlyList<OracleResult> Results)> s_oracle = new(RunOracle);

    /// <summary>graphql-js printIntrospectionSchema (the same for every schema).</summary>
    public static string IntrospectionSchema => s_oracle.Value.IntrospectionSchema;

    /// <summary>graphql-js getIntrospectionQuery with every option on.</summary>
    public static string IntrospectionQuery => s_oracle.Value.Query;

    public static IReadOnlyList<Case> Cases => s_cases.Value;

    public static Case Get(string id) => Cases.First(c => c.Id == id);

    public static OracleResult Oracle(string id) => s_oracle.Value.Results[Cases.ToList().FindIndex(c => c.Id == id)];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Id);
        return data;
    }

    private static IReadOnlyList<Case> LoadCases()
    {
        var folder = Path.Combine(ParseCorpus.RepoRoot(), "tests", "SefData.GraphQL.Tests", "Corpus", "schema");
        var cases = new List<Case>();
        foreach (var file in Directory.GetFiles(folder, "*.graphql").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var text = File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            var docs = text.TrimEnd('\n').Split("\n" + ParseCorpus.Separator + "\n");
            for (var i = 0; i < docs.Length; i++) cases.Add(new Case($"{name}#{i + 1:00}", docs[i]));
        }
        return cases;
    }

    private static (string, string, IReadOnlyList<OracleResult>) RunOracle()
    {
        var stdout = NodeOracle.Run("oracle-schema.mjs", JsonSerializer.Serialize(Cases.Select(c => c.Document)));
        using var json = JsonDocument.Parse(stdout);
        var query = json.RootElement.GetProperty("introspectionQuery").GetString()!;
        var introspectionSchema = json.RootElement.GetProperty("introspectionSchema").GetString()!;
        return (query, introspectionSchema, json.RootElement.GetProperty("results").EnumerateArray().Select(e =>
        {
            if (e.TryGetProperty("buildError", out var buildError)) return new OracleResult(null, null, buildError.GetString(), []);
            var errors = e.GetProperty("errors").EnumerateArray().Select(err => (
                err.GetProperty("message").GetString()!,
                (IReadOnlyList<(int, int)>)err.GetProperty("locations").EnumerateArray()
                    .Select(l => (l[0].GetInt32(), l[1].GetInt32())).ToList())).ToList();
            return new OracleResult(e.GetProperty("printed").GetString(), e.GetProperty("printError").GetString(), null, errors)
            {
                Introspection = e.GetProperty("introspection").GetString(),
            };
        }).ToList());
    }
}
