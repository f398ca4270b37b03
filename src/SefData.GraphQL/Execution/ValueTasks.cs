using System.Runtime.CompilerServices;

namespace SefData.GraphQL.Execution;

/// <summary>
/// Tells a resolver's synchronous answer from a promise. A <see cref="ValueTask{TResult}"/> made from a value (what
/// <c>new ValueTask&lt;T&gt;(value)</c> and an <c>async</c> method that finished without suspending return) is
/// synchronous; one backed by a Task or an IValueTaskSource is a promise even when it has already completed, like a
/// settled JavaScript promise. Checking <c>IsCompleted</c> instead would depend on whether a pool thread happened
/// to finish first, and with it which siblings run after a non-null failure (graphql-js stops siblings only for
/// synchronous failures). A faulted ValueTask is always backed, so an async failure never stops siblings.
/// </summary>
internal static class ValueTasks
{
    public static bool IsSynchronous<T>(ref ValueTask<T> task) => Accessor<T>.BackingObject(ref task) is null;

    private static class Accessor<T>
    {
        // ValueTask<T> keeps its Task/IValueTaskSource in _obj (null for a plain value); there is no public way to ask.
        // A rename in the runtime fails every async test at once (MissingFieldException), never silently.
        [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_obj")]
        public static extern ref readonly object? BackingObject(ref ValueTask<T> task);
    }
}
