using System.Text.Json;
using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Execution;

/// <summary>
/// SefData's answer to a query with async fields must not depend on the order in which the thread pool completes
/// them: every async corpus case is run many times with random resolver delays and must give, each time, the very
/// JSON text of a run without delays (which ExecutionDifferentialTests compares with graphql-js).
/// </summary>
public class ExecutionDeterminismTests
{
    private const int Iterations = 200;

    private static readonly Lazy<Schema> s_schema = new(() => SchemaBuilder.BuildSchema(ExecutionCorpus.SchemaSdl));
    private static readonly Lazy<JsonElement> s_data = new(() => JsonDocument.Parse(ExecutionCorpus.DataJson).RootElement.Clone());

    public static TheoryData<string> AsyncCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in ExecutionCorpus.Cases.Where(c => c.Id.StartsWith("async#", StringComparison.Ordinal))) data.Add(c.Id);
        return data;
    }

    [Fact]
    public void The_corpus_has_async_cases_with_several_errors()
    {
        // Guards the theory below against testing nothing: the order of errors is what timing used to change.
        var multiError = ExecutionCorpus.Cases.Count(c => c.Id.StartsWith("async#", StringComparison.Ordinal) && c.Query.Contains("asyncError", StringComparison.Ordinal) && c.Query.Contains("errorField", StringComparison.Ordinal));
        Assert.True(multiError >= 3, $"only {multiError} async cases mix sync and async errors");
    }

    [Theory]
    [MemberData(nameof(AsyncCaseIds))]
    public async Task Same_result_whatever_the_completion_order(string id)
    {
        var c = ExecutionCorpus.Get(id);
        var document = Parser.Parse(c.Query);
        var baseline = await RunAsync(c, document, OracleFieldResolver.Instance);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var json = await RunAsync(c, document, OracleFieldResolver.WithRandomDelays(seed: iteration));
            if (json != baseline)
                Assert.Fail($"iteration {iteration} (seed {iteration}) differs:\nfirst:  {baseline}\nthen:   {json}");
        }
    }

    private static async Task<string> RunAsync(ExecutionCorpus.Case c, DocumentNode document, FieldResolver resolver)
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = s_schema.Value,
            Document = document,
            OperationName = c.OperationName,
            VariablesJson = c.VariablesJson is null ? null : JsonDocument.Parse(c.VariablesJson).RootElement,
            RootValue = s_data.Value,
            FieldResolver = resolver,
        });
        return result.ToJson();
    }
}
