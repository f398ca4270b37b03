using SefData.GraphQL.Language;

namespace SefData.GraphQL.Execution;

/// <summary>
/// Executes a validated document against a schema (spec 6, graphql-js execute): selects the operation, coerces
/// the variables, then runs the engine.
/// </summary>
public static class Executor
{
    public static Task<ExecutionResult> ExecuteAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schemaErrors = request.Schema.Validate();
        if (schemaErrors.Count > 0) return Task.FromResult(ExecutionResult.FromErrors(schemaErrors));

        if (!TryGetOperation(request.Document, request.OperationName, out var operation, out var fragments, out var operationError))
            return Task.FromResult(ExecutionResult.FromErrors([operationError!]));

        IReadOnlyDictionary<string, object?> raw;
        try
        {
            raw = request.Variables ?? (request.VariablesJson is { } json ? Values.FromJson(json) : Values.Empty);
        }
        catch (GraphQLError error)
        {
            return Task.FromResult(ExecutionResult.FromErrors([error]));
        }
        var variables = Values.CoerceVariableValues(request.Schema, operation!.VariableDefinitions, raw, out var variableErrors, request.MaxVariableCoercionErrors);
        if (variables is null) return Task.FromResult(ExecutionResult.FromErrors(variableErrors!));

        if (request.CancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(new ExecutionResult
            {
                Errors = [new GraphQLError("Execution was canceled.", extensions: new Dictionary<string, object?> { ["code"] = "EXECUTION_CANCELED" })],
                IsCanceled = true,
            });
        }
        return new ExecutionEngine(request, operation, fragments!, variables).ExecuteAsync();
    }

    /// <summary>
    /// graphql-js subscribe: for a subscription operation, the root field's event stream mapped to one result per
    /// event (each executed with the event as root value); any other operation is executed once into
    /// <see cref="SubscriptionResult.Result"/>, as are request errors and a stream that could not be created.
    /// </summary>
    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Schema.Validate().Count > 0
            || !TryGetOperation(request.Document, request.OperationName, out var operation, out var fragments, out _)
            || operation!.Operation != OperationType.Subscription)
        {
            return new SubscriptionResult { Result = await ExecuteAsync(request).ConfigureAwait(false) };
        }
        IReadOnlyDictionary<string, object?> raw;
        try
        {
            raw = request.Variables ?? (request.VariablesJson is { } json ? Values.FromJson(json) : Values.Empty);
        }
        catch (GraphQLError error)
        {
            return new SubscriptionResult { Result = ExecutionResult.FromErrors([error]) };
        }
        var variables = Values.CoerceVariableValues(request.Schema, operation.VariableDefinitions, raw, out var variableErrors, request.MaxVariableCoercionErrors);
        if (variables is null) return new SubscriptionResult { Result = ExecutionResult.FromErrors(variableErrors!) };
        return await SubscriptionExecution.SubscribeAsync(request, operation, fragments!, variables).ConfigureAwait(false);
    }

    /// <summary>graphql-js buildExecutionContext's operation selection, with its messages.</summary>
    public static bool TryGetOperation(
        DocumentNode document,
        string? operationName,
        out OperationDefinitionNode? operation,
        out IReadOnlyDictionary<string, FragmentDefinitionNode>? fragments,
        out GraphQLError? error)
    {
        operation = null;
        error = null;
        Dictionary<string, FragmentDefinitionNode>? fragmentMap = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode candidate:
                    if (operationName is null)
                    {
                        if (operation is not null)
                        {
                            fragments = null;
                            error = new GraphQLError("Must provide operation name if query contains multiple operations.");
                            return false;
                        }
                        operation = candidate;
                    }
                    else if (candidate.Name?.Value == operationName)
                    {
                        operation = candidate;
                    }
                    break;
                case FragmentDefinitionNode fragment:
                    (fragmentMap ??= new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal))[fragment.Name.Value] = fragment;
                    break;
            }
        }
        fragments = fragmentMap ?? EmptyFragments;
        if (operation is not null) return true;
        error = operationName is not null
            ? new GraphQLError($"Unknown operation named \"{operationName}\".")
            : new GraphQLError("Must provide an operation.");
        return false;
    }

    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> EmptyFragments = new Dictionary<string, FragmentDefinitionNode>();
}
