using System.Text.Json;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>
/// Each corpus case is executed by graphql-js 16.11 (graphql()) and by SefData on the same schema and data; the
/// JSON text of the results must be identical. SefData runs each case twice: with JSON (JsonElement) root value and
/// variables, and with the same values as CLR dictionaries and lists.
/// </summary>
public class ExecutionDifferentialTests
{
    private static readonly Lazy<Schema> s_schema = new(() => SchemaBuilder.BuildSchema(ExecutionCorpus.SchemaSdl));
    private static readonly Lazy<JsonElement> s_data = new(() => JsonDocument.Parse(ExecutionCorpus.DataJson).RootElement.Clone());

    public static TheoryData<string> CaseIds() => ExecutionCorpus.Ids();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Json_values_match_graphql_js(string id)
    {
        var c = ExecutionCorpus.Get(id);
        var expected = ExecutionCorpus.Oracle(id);
        Assert.False(expected.StartsWith("{\"invalidCase\"", StringComparison.Ordinal), "graphql-js's validation rejects this case: " + expected);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = s_schema.Value,
            Document = Parser.Parse(c.Query),
            OperationName = c.OperationName,
            VariablesJson = c.VariablesJson is null ? null : JsonDocument.Parse(c.VariablesJson).RootElement,
            RootValue = s_data.Value,
            FieldResolver = OracleFieldResolver.Instance,
        });
        AssertSameResult(c, expected, result.ToJson());
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Clr_values_match_graphql_js(string id)
    {
        var c = ExecutionCorpus.Get(id);
        var expected = ExecutionCorpus.Oracle(id);
        Assert.False(expected.StartsWith("{\"invalidCase\"", StringComparison.Ordinal), "graphql-js's validation rejects this case: " + expected);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = s_schema.Value,
            Document = Parser.Parse(c.Query),
            OperationName = c.OperationName,
            Variables = c.VariablesJson is null ? null : (IReadOnlyDictionary<string, object?>)JsonValues.ToClr(JsonDocument.Parse(c.VariablesJson).RootElement)!,
            RootValue = JsonValues.ToClr(s_data.Value),
            FieldResolver = OracleFieldResolver.Instance,
        });
        AssertSameResult(c, expected, result.ToJson());
    }

    internal static void AssertSameResult(ExecutionCorpus.Case c, string expected, string actual)
    {
        if (!c.UnorderedErrors && c.ExtraErrorPaths is null)
        {
            Assert.Equal(expected, actual);
            return;
        }
        using var expectedJson = JsonDocument.Parse(expected);
        using var actualJson = JsonDocument.Parse(actual);
        Assert.Equal(expectedJson.RootElement.GetProperty("data").GetRawText(), actualJson.RootElement.GetProperty("data").GetRawText());
        var expectedErrors = expectedJson.RootElement.GetProperty("errors").EnumerateArray().ToList();
        var actualErrors = actualJson.RootElement.GetProperty("errors").EnumerateArray().ToList();
        if (c.ExtraErrorPaths is not null)
        {
            using var extraJson = JsonDocument.Parse(c.ExtraErrorPaths);
            foreach (var extra in extraJson.RootElement.EnumerateArray().Select(p => p.GetRawText()))
            {
                static string PathOf(JsonElement error) => error.TryGetProperty("path", out var path) ? path.GetRawText() : "";
                Assert.DoesNotContain(expectedErrors, e => PathOf(e) == extra);
                Assert.Single(actualErrors, e => PathOf(e) == extra);
                actualErrors.RemoveAll(e => PathOf(e) == extra);
            }
        }
        var expectedTexts = expectedErrors.Select(e => e.GetRawText());
        var actualTexts = actualErrors.Select(e => e.GetRawText());
        if (c.UnorderedErrors)
        {
            expectedTexts = expectedTexts.Order(StringComparer.Ordinal);
            actualTexts = actualTexts.Order(StringComparer.Ordinal);
        }
        Assert.Equal(expectedTexts.ToList(), actualTexts.ToList());
    }

    public static TheoryData<string> IntrospectionIds() => ExecutionCorpus.IntrospectionIds();

    [Theory]
    [MemberData(nameof(IntrospectionIds))]
    public async Task Introspection_query_matches_graphql_js(string id)
    {
        var c = ExecutionCorpus.GetIntrospection(id);
        var expected = ExecutionCorpus.IntrospectionOracle(id);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = SchemaBuilder.BuildSchema(c.Sdl),
            Document = Parser.Parse(expected.Query),
        });
        Assert.Equal(expected.Result, result.ToJson());
    }
}
