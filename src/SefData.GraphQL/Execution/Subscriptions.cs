using System.Runtime.CompilerServices;
using SefData.GraphQL.Language;
using SefData.GraphQL.Types;
using SefData.GraphQL.Utilities;

namespace SefData.GraphQL.Execution;

/// <summary>
/// The outcome of <see cref="Executor.SubscribeAsync"/>: either a stream of results (one per event), or a single
/// result (request errors, an event stream that could not be created, or a query/mutation executed once).
/// </summary>
public sealed class SubscriptionResult
{
    public IAsyncEnumerable<ExecutionResult>? Stream { get; init; }
    public ExecutionResult? Result { get; init; }
}

internal static class SubscriptionExecution
{
    /// <summary>graphql-js subscribe: createSourceEventStream, then each event executed with it as the root value.</summary>
    public static async Task<SubscriptionResult> SubscribeAsync(ExecutionRequest request, OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, IReadOnlyDictionary<string, object?> variables)
    {
        var engine = new ExecutionEngine(request, operation, fragments, variables);
        var (stream, error) = await engine.CreateSourceEventStreamAsync().ConfigureAwait(false);
        if (error is not null) return new SubscriptionResult { Result = ExecutionResult.FromErrors([error]) };
        return new SubscriptionResult { Stream = MapEvents(stream!, request, operation, fragments, variables) };
    }

    private static async IAsyncEnumerable<ExecutionResult> MapEvents(
        IAsyncEnumerable<object?> events,
        ExecutionRequest request,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(request.CancellationToken, cancellationToken);
        await foreach (var payload in events.WithCancellation(linked.Token).ConfigureAwait(false))
        {
            var eventRequest = request.WithRootValue(payload);
            yield return await new ExecutionEngine(eventRequest, operation, fragments, variables).ExecuteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An IAsyncEnumerable of any element type as one of object? (value types need boxing).</summary>
    public static IAsyncEnumerable<object?>? AsObjectStream(object? value)
    {
        if (value is IAsyncEnumerable<object?> objects) return objects;
        if (value is null) return null;
        foreach (var candidate in value.GetType().GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            {
                var box = typeof(SubscriptionExecution).GetMethod(nameof(Box), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(candidate.GetGenericArguments()[0]);
                return (IAsyncEnumerable<object?>)box.Invoke(null, [value, CancellationToken.None])!;
            }
        }
        return null;
    }

    private static async IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
    }
}
