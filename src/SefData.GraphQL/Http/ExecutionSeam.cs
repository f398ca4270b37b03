using SefData.GraphQL.Language;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Http;

/// <summary>What the pipeline hands to the executor once the document is parsed, within limits and valid.</summary>
public sealed class ExecutionArgs
{
    public required Schema Schema { get; init; }
    public required DocumentNode Document { get; init; }
    public string? OperationName { get; init; }
    /// <summary>Raw (uncoerced) variable values from the request.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }
    public required IServiceProvider Services { get; init; }
    public required IDictionary<string, object?> ContextData { get; init; }
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>
/// Runs a validated document (graphql-js <c>execute</c>): coerces variables, selects the operation, resolves.
/// Variable coercion and operation selection failures come back as a response without data.
/// </summary>
public interface IGraphQLExecutor
{
    Task<GraphQLResponse> ExecuteAsync(ExecutionArgs args);
}

/// <summary>Validates an executable document against the schema (graphql-js <c>validate</c> with the specified rules).</summary>
public interface IGraphQLDocumentValidator
{
    IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors);
}
