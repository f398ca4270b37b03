using System.Globalization;
using System.Text;
using System.Text.Json;
using SefData.GraphQL.Tests.Language;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>
/// The execution corpus (Corpus/execute): a shared schema (schema.graphql) and root value (data.json), query cases
/// (cases/*.graphql, split on "# ---"; a case may start with "# variables: {json}" and "# operationName: Name"
/// lines, and "# skipValidation" for a document graphql-js's validation would reject), and SDLs for the introspection comparison (schema.graphql and introspection/*.graphql). graphql-js's
/// answers come from one run of tests/js/oracle-execute.mjs.
/// </summary>
public static class ExecutionCorpus
{
    /// <param name="UnorderedErrors">
    /// "# errorOrder: unordered": graphql-js orders errors by promise settlement (microtask ticks, a non-null error only
    /// once its rejection has climbed to a nullable field), SefData by promise generation then response position; data
    /// must still match exactly and the errors are compared as a set. Only for cases where the two orders really differ.
    /// </param>
    /// <param name="ExtraErrorPaths">
    /// "# extraErrors: [["a", 0, "b"], ...]" (JSON): response paths of errors SefData reports and graphql-js does not.
    /// Each must be in SefData's result exactly once and absent from graphql-js's; the rest is compared as usual. No
    /// case needs it since SefData drops, like graphql-js, a non-null error into a container already nulled.
    /// </param>
    public sealed record Case(string Id, string Query, string? VariablesJson, string? OperationName, bool SkipValidation, bool UnorderedErrors, string? ExtraErrorPaths = null);

    public sealed record IntrospectionCase(string Id, string Sdl, string OptionsJson);

    public sealed record IntrospectionAnswer(string Query, string Result);

    /// <summary>getIntrospectionQuery options: graphql-js defaults, and every option on.</summary>
    public static readonly IReadOnlyDictionary<string, string> IntrospectionOptions = new Dictionary<string, string>
    {
        ["default"] = "{}",
        ["all"] = """{"descriptions":true,"specifiedByUrl":true,"directiveIsRepeatable":true,"schemaDescription":true,"inputValueDeprecation":true,"oneOf":true}""",
    };

    private static readonly Lazy<IReadOnlyList<Case>> s_cases = new(LoadCases);
    private static readonly Lazy<IReadOnlyList<IntrospectionCase>> s_introspection = new(LoadIntrospectionCases);
    private static readonly Lazy<(IReadOnlyDictionary<string, string> Cases, IReadOnlyDictionary<string, IntrospectionAnswer> Introspection)> s_oracle = new(RunOracle);

    public static string Folder => Path.Combine(ParseCorpus.RepoRoot(), "tests", "SefData.GraphQL.Tests", "Corpus", "execute");
    public static string SchemaSdl => File.ReadAllText(Path.Combine(Folder, "schema.graphql"));
    public static string DataJson => File.ReadAllText(Path.Combine(Folder, "data.json"));

    public static IReadOnlyList<Case> Cases => s_cases.Value;
    public static IReadOnlyList<IntrospectionCase> IntrospectionCases => s_introspection.Value;

    public static Case Get(string id) => Cases.First(c => c.Id == id);
    public static IntrospectionCase GetIntrospection(string id) => IntrospectionCases.First(c => c.Id == id);
    public static string Oracle(string id) => s_oracle.Value.Cases[id];
    public static IntrospectionAnswer IntrospectionOracle(string id) => s_oracle.Value.Introspection[id];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Id);
        return data;
    }

    public static TheoryData<string> IntrospectionIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in IntrospectionCases) data.Add(c.Id);
        return data;
    }

    private static IReadOnlyList<Case> LoadCases()
    {
        var files = Directory.GetFiles(Path.Combine(Folder, "cases"), "*.graphql");
        Array.Sort(files, StringComparer.Ordinal);
        var cases = new List<Case>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var index = 0;
            foreach (var document in ParseCorpus.Split(File.ReadAllText(file, new UTF8Encoding(false))))
            {
                string? variables = null, operationName = null;
                var skipValidation = false;
                var unorderedErrors = false;
                string? extraErrors = null;
                foreach (var line in document.Split('\n'))
                {
                    if (line.StartsWith("# variables: ", StringComparison.Ordinal)) variables = line["# variables: ".Length..];
                    else if (line.StartsWith("# operationName: ", StringComparison.Ordinal)) operationName = line["# operationName: ".Length..];
                    else if (line == "# skipValidation") skipValidation = true;
                    else if (line == "# errorOrder: unordered") unorderedErrors = true;
                    else if (line.StartsWith("# extraErrors: ", StringComparison.Ordinal)) extraErrors = line["# extraErrors: ".Length..];
                }
                cases.Add(new Case(name + "#" + (++index).ToString("D2", CultureInfo.InvariantCulture), document, variables, operationName, skipValidation, unorderedErrors, extraErrors));
            }
        }
        return cases;
    }

    private static IReadOnlyList<IntrospectionCase> LoadIntrospectionCases()
    {
        var sdls = new List<(string Name, string Sdl)> { ("shared-schema", SchemaSdl) };
        var files = Directory.GetFiles(Path.Combine(Folder, "introspection"), "*.graphql");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files) sdls.Add((Path.GetFileNameWithoutExtension(file), File.ReadAllText(file, new UTF8Encoding(false))));
        var cases = new List<IntrospectionCase>();
        foreach (var (name, sdl) in sdls)
        {
            foreach (var (optionsName, options) in IntrospectionOptions) cases.Add(new IntrospectionCase(name + "/" + optionsName, sdl, options));
        }
        return cases;
    }

    private static (IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, IntrospectionAnswer>) RunOracle()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("suites");
            writer.WriteStartObject();
            writer.WriteString("sdl", SchemaSdl);
            writer.WritePropertyName("rootValue");
            writer.WriteRawValue(DataJson);
            writer.WriteStartArray("cases");
            foreach (var c in Cases)
            {
                writer.WriteStartObject();
                writer.WriteString("query", c.Query);
                if (c.VariablesJson is not null)
                {
                    writer.WritePropertyName("variables");
                    writer.WriteRawValue(c.VariablesJson);
                }
                if (c.OperationName is not null) writer.WriteString("operationName", c.OperationName);
                if (c.SkipValidation) writer.WriteBoolean("skipValidation", true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("introspection");
            foreach (var c in IntrospectionCases)
            {
                writer.WriteStartObject();
                writer.WriteString("sdl", c.Sdl);
                writer.WritePropertyName("options");
                writer.WriteRawValue(c.OptionsJson);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var output = NodeOracle.Run("oracle-execute.mjs", Encoding.UTF8.GetString(buffer.ToArray()));
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("suites")[0];
        if (results.GetArrayLength() != Cases.Count) throw new InvalidOperationException("oracle answered a different number of cases");
        var cases = new Dictionary<string, string>();
        var i = 0;
        foreach (var result in results.EnumerateArray()) cases[Cases[i++].Id] = result.GetString()!;
        var introspection = new Dictionary<string, IntrospectionAnswer>();
        i = 0;
        foreach (var answer in json.RootElement.GetProperty("introspection").EnumerateArray())
        {
            introspection[IntrospectionCases[i++].Id] = new IntrospectionAnswer(
                answer.GetProperty("query").GetString()!, answer.GetProperty("result").GetString()!);
        }
        return (cases, introspection);
    }
}
