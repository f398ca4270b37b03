using SefData.GraphQL.Types;

namespace SefData.GraphQL.Data;

/// <summary>
/// Serialises database work within one request. The executor runs sibling fields concurrently, but a request's
/// scoped DbContext allows one command at a time; every resolver that uses the request's DbContext (these data
/// fields, and DataLoader batches that share the context) should run its queries through this gate.
/// </summary>
public static class RequestGate
{
    private const string Key = "SefData.GraphQL.Data.RequestGate";

    /// <summary>Runs <paramref name="work"/> when no other gated work of the same request is running.</summary>
    public static Task<TResult> RunAsync<TResult>(IResolverContext context, Func<CancellationToken, Task<TResult>> work) =>
        RunAsync(context.ContextData, context.CancellationToken, work);

    /// <summary>
    /// The same from outside a resolver (a DataLoader batch), given the request's
    /// <see cref="IResolverContext.ContextData"/>: a resolver context itself must not be kept past its resolver.
    /// </summary>
    public static async Task<TResult> RunAsync<TResult>(IDictionary<string, object?> contextData, CancellationToken cancellationToken,
        Func<CancellationToken, Task<TResult>> work)
    {
        var gate = Get(contextData);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static SemaphoreSlim Get(IDictionary<string, object?> contextData)
    {
        // Resolvers may race to create it: the dictionary itself is the lock.
        lock (contextData)
        {
            if (contextData.TryGetValue(Key, out var existing) && existing is SemaphoreSlim s) return s;
            var gate = new SemaphoreSlim(1, 1);
            contextData[Key] = gate;
            return gate;
        }
    }
}
