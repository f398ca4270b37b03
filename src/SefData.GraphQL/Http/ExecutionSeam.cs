using SefData.GraphQL.Execution;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Validation;

namespace SefData.GraphQL.Http;

/// <summary>
/// Runs a validated document (graphql-js <c>execute</c>). A seam so a host can decorate execution (tracing,
/// auditing); the default is <see cref="DefaultGraphQLExecutor"/>.
/// </summary>
public interface IGraphQLExecutor
{
    Task<ExecutionResult> ExecuteAsync(ExecutionRequest request);
}

/// <summary>Validates an executable document against the schema (graphql-js <c>validate</c>).</summary>
public interface IGraphQLDocumentValidator
{
    IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors);
}

/// <summary>The engine's <see cref="Executor"/>.</summary>
public sealed class DefaultGraphQLExecutor : IGraphQLExecutor
{
    public Task<ExecutionResult> ExecuteAsync(ExecutionRequest request) => Executor.ExecuteAsync(request);
}

/// <summary>
/// The default document validator: graphql-js's specified rules (which include MaxIntrospectionDepthRule), plus
/// any extra rules the host adds.
/// </summary>
public sealed class SpecifiedRulesValidator : IGraphQLDocumentValidator
{
    private readonly IReadOnlyList<IValidationRule> _rules;

    public SpecifiedRulesValidator(IEnumerable<IValidationRule>? additionalRules = null) =>
        _rules = additionalRules is null ? SpecifiedRules.All : [.. SpecifiedRules.All, .. additionalRules];

    public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, int maxErrors) =>
        DocumentValidator.Validate(schema, document, _rules, maxErrors);
}
