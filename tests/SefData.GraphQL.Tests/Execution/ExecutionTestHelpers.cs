using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Tests.Execution;

internal static class ExecutionTestHelpers
{
    public static async Task<ExecutionResult> ExecuteAsync(
        Schema schema,
        string query,
        object? rootValue = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null,
        FieldResolver? fieldResolver = null)
        => await ExecuteWithTokenAsync(schema, query, TestContext.Current.CancellationToken, rootValue, variables, operationName, fieldResolver);

    public static async Task<ExecutionResult> ExecuteWithTokenAsync(
        Schema schema,
        string query,
        CancellationToken cancellationToken,
        object? rootValue = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null,
        FieldResolver? fieldResolver = null)
        => await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = Parser.Parse(query),
            RootValue = rootValue,
            Variables = variables,
            OperationName = operationName,
            CancellationToken = cancellationToken,
            FieldResolver = fieldResolver,
        });

    public static async Task<string> RunAsync(
        Schema schema,
        string query,
        object? rootValue = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null)
        => (await ExecuteAsync(schema, query, rootValue, variables, operationName)).ToJson();

    /// <summary>Single quotes for readability in expected JSON.</summary>
    public static string J(string json) => json.Replace('\'', '"');
}
