using System.Runtime.CompilerServices;
using SefData.GraphQL.Types;

namespace SefData.GraphQL.Execution;

/// <summary>Work queued onto the engine's execution flow.</summary>
internal interface IWorkItem
{
    void Run();
}

/// <summary>A completion the engine is waiting for; abandoned (its slot nulled silently) when execution is canceled.</summary>
internal interface IPendingWork : IWorkItem
{
    /// <summary>How many promise hops from the synchronous pass this completion is (see ExecutionEngine.OrderedErrors).</summary>
    int Generation { get; }
    void Abandon();
}

internal sealed class ActionWorkItem(Action action) : IWorkItem
{
    public void Run() => action();
}

/// <summary>
/// Waits for a <see cref="ValueTask{T}"/> without blocking the engine: its completion queues this item back onto
/// the engine's flow, where <see cref="OnResult"/> or <see cref="OnError"/> continues the completion of one slot.
/// </summary>
internal abstract class PendingWork<T> : IPendingWork
{
    protected readonly ExecutionEngine Engine;
    protected readonly IResultNode Node;
    protected readonly int Slot;
    protected readonly CollectedField Field;
    protected readonly ResolverContext Context;
    private ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter _awaiter;
    private bool _done;

    public int Generation { get; private set; }

    protected PendingWork(ExecutionEngine engine, IResultNode node, int slot, CollectedField field, ResolverContext context)
    {
        Engine = engine;
        Node = node;
        Slot = slot;
        Field = field;
        Context = context;
    }

    public void Start(ValueTask<T> task)
    {
        Context.References++;
        Generation = Engine.Generation + 1;
        Engine.TrackPending(this);
        _awaiter = task.ConfigureAwait(false).GetAwaiter();
        // Already settled (a completed Task, a faulted async method): queued at once, without a trip through the pool.
        if (_awaiter.IsCompleted) Engine.Enqueue(this);
        else _awaiter.UnsafeOnCompleted(OnCompleted);
    }

    private void OnCompleted()
    {
        if (Engine.Finished) return;
        Engine.Enqueue(this);
    }

    public void Run()
    {
        if (_done) return;
        _done = true;
        Engine.UntrackPending(this);
        T result;
        try
        {
            result = _awaiter.GetResult();
        }
        catch (Exception error)
        {
            Engine.FailField(Node, Slot, Field, error);
            Engine.Release(Context);
            return;
        }
        try
        {
            OnResult(result);
        }
        catch (Exception error)
        {
            // Completion catches resolver errors itself; anything else must not take the whole request down.
            Engine.FailField(Node, Slot, Field, error);
        }
        Engine.Release(Context);
    }

    public void Abandon()
    {
        if (_done) return;
        _done = true;
        Engine.Abandon(Node, Slot);
    }

    protected abstract void OnResult(T result);
}

/// <summary>A resolver's pending value (or a materializing async stream) for a slot of the given type.</summary>
internal sealed class PendingValue(ExecutionEngine engine, IResultNode node, int slot, GraphQLType type, CollectedField field, ResolverContext context)
    : PendingWork<object?>(engine, node, slot, field, context)
{
    protected override void OnResult(object? result) => Engine.CompleteValue(Node, Slot, type, Field, Context, result);
}

/// <summary>An abstract type's pending resolveType.</summary>
internal sealed class PendingTypeName(ExecutionEngine engine, IResultNode node, int slot, IAbstractType type, CollectedField field, ResolverContext context, object value)
    : PendingWork<string?>(engine, node, slot, field, context)
{
    protected override void OnResult(string? result) => Engine.CompleteResolvedType(Node, Slot, type, Field, Context, value, result);
}

/// <summary>An object type's pending isTypeOf check.</summary>
internal sealed class PendingIsTypeOf(ExecutionEngine engine, IResultNode node, int slot, ObjectType type, CollectedField field, ResolverContext context, object value)
    : PendingWork<bool>(engine, node, slot, field, context)
{
    protected override void OnResult(bool result)
    {
        if (result) Engine.ExecuteObject(Node, Slot, type, Field, value);
        else Engine.FailField(Node, Slot, Field, ExecutionEngine.InvalidReturnType(type, value, Field));
    }
}

/// <summary>An auto-reset signal the engine awaits when it has nothing to run; Set before Wait is remembered.</summary>
internal sealed class WorkSignal
{
    private readonly object _lock = new();
    private bool _set;
    private TaskCompletionSource? _waiter;

    public void Set()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            waiter = _waiter;
            _waiter = null;
            if (waiter is null) _set = true;
        }
        waiter?.TrySetResult();
    }

    public Task WaitAsync()
    {
        lock (_lock)
        {
            if (_set)
            {
                _set = false;
                return Task.CompletedTask;
            }
            // Asynchronous continuations: whoever sets the signal (an I/O thread) must not run the engine inline.
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }
}

/// <summary>Lists given as IAsyncEnumerable are read to the end before their items are completed.</summary>
internal static class AsyncEnumerables
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, CancellationToken, ValueTask<object?>>?> Readers = new();

    public static async ValueTask<object?> ToListAsync(IAsyncEnumerable<object?> items, CancellationToken cancellationToken)
    {
        var list = new List<object?>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(item);
        return list;
    }

    /// <summary>IAsyncEnumerable of a value type (not covariant to object?); null when the value is not a stream.</summary>
    public static ValueTask<object?>? TryToListAsync(object value, CancellationToken cancellationToken)
    {
        var reader = Readers.GetOrAdd(value.GetType(), static type =>
        {
            foreach (var candidate in type.GetInterfaces())
            {
                if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
                {
                    var method = typeof(AsyncEnumerables).GetMethod(nameof(ReadTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                        .MakeGenericMethod(candidate.GetGenericArguments()[0]);
                    return method.CreateDelegate<Func<object, CancellationToken, ValueTask<object?>>>();
                }
            }
            return null;
        });
        return reader?.Invoke(value, cancellationToken);
    }

    private static async ValueTask<object?> ReadTyped<T>(object items, CancellationToken cancellationToken)
    {
        var list = new List<object?>();
        await foreach (var item in ((IAsyncEnumerable<T>)items).WithCancellation(cancellationToken).ConfigureAwait(false)) list.Add(item);
        return list;
    }
}
