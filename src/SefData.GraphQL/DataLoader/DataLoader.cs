using System.Runtime.CompilerServices;

namespace SefData.GraphQL.DataLoader;

/// <summary>
/// Decides when batches run. The executor implements it: it dispatches every loader with pending keys when it
/// can make no further progress, so keys requested by all siblings of a list level go into one batch.
/// </summary>
public interface IBatchScheduler
{
    /// <summary>A loader received its first key since its last dispatch.</summary>
    void OnPending(DataLoaderBase loader);

    /// <summary>
    /// Runs <paramref name="action"/> on the scheduler's own execution flow. Batch results are handed to waiting
    /// resolvers there, so their continuations (which may request the next level's keys) run before the next dispatch.
    /// </summary>
    void Post(Action action);
}

/// <summary>The type-independent face of a loader, used by the registry and the scheduler.</summary>
public abstract class DataLoaderBase
{
    private protected DataLoaderBase(string name, IBatchScheduler? scheduler, CancellationToken cancellationToken)
    {
        Name = name;
        Scheduler = scheduler;
        CancellationToken = cancellationToken;
    }

    public string Name { get; }
    private protected IBatchScheduler? Scheduler { get; }
    private protected CancellationToken CancellationToken { get; }

    /// <summary>How many times the batch function has been called.</summary>
    public int BatchCount { get; private protected set; }

    /// <summary>Whether keys are waiting for a batch.</summary>
    public abstract bool HasPendingKeys { get; }

    /// <summary>How many keys are waiting for a batch.</summary>
    public abstract int PendingKeyCount { get; }

    /// <summary>Calls the batch function for the pending keys (no-op when there are none).</summary>
    public abstract void Dispatch();
}

/// <summary>
/// Batches and caches loads of <typeparamref name="TValue"/> by key for one request. <see cref="LoadAsync"/> never
/// calls the batch function itself: keys accumulate until the scheduler dispatches. Keys the batch result lacks
/// resolve to <see cref="ValueForMissingKey"/>; a failed batch fails every key of it and forgets them, so a later
/// load retries.
/// </summary>
public abstract class DataLoaderBase<TKey, TValue> : DataLoaderBase where TKey : notnull
{
    private readonly object _lock = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> _cache;
    private List<TKey> _pendingKeys = [];
    private List<TaskCompletionSource<TValue>> _pendingPromises = [];

    private protected DataLoaderBase(string name, IBatchScheduler? scheduler, IEqualityComparer<TKey>? comparer, CancellationToken cancellationToken)
        : base(name, scheduler, cancellationToken)
    {
        _cache = new Dictionary<TKey, TaskCompletionSource<TValue>>(comparer);
    }

    /// <summary>Largest number of keys per batch call; 0 means unlimited.</summary>
    public int MaxBatchSize { get; init; }

    protected abstract TValue ValueForMissingKey { get; }

    protected abstract ValueTask<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    public override bool HasPendingKeys
    {
        get
        {
            lock (_lock) return _pendingKeys.Count > 0;
        }
    }

    public override int PendingKeyCount
    {
        get
        {
            lock (_lock) return _pendingKeys.Count;
        }
    }

    /// <summary>The value for <paramref name="key"/>: from the cache (synchronously, without allocating) or from the next batch.</summary>
    public ValueTask<TValue> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue>? promise;
        bool first;
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out promise))
            {
                var task = promise.Task;
                return task.IsCompletedSuccessfully ? new ValueTask<TValue>(task.Result) : new ValueTask<TValue>(task);
            }
            // Continuations run inline when the scheduler completes the batch: that is what lets the next level's
            // keys be requested before the scheduler looks for pending keys again.
            promise = new TaskCompletionSource<TValue>();
            _cache.Add(key, promise);
            _pendingKeys.Add(key);
            _pendingPromises.Add(promise);
            first = _pendingKeys.Count == 1;
        }
        if (first) Scheduler?.OnPending(this);
        return new ValueTask<TValue>(promise.Task);
    }

    /// <summary>Loads several keys into the same batch; results in key order.</summary>
    public async ValueTask<TValue[]> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = new List<ValueTask<TValue>>();
        foreach (var key in keys) tasks.Add(LoadAsync(key));
        var results = new TValue[tasks.Count];
        for (var i = 0; i < tasks.Count; i++) results[i] = await tasks[i].ConfigureAwait(false);
        return results;
    }

    /// <summary>Puts a value in the cache unless the key is already there (graphql DataLoader prime).</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_cache.ContainsKey(key)) return;
            var promise = new TaskCompletionSource<TValue>();
            promise.SetResult(value);
            _cache.Add(key, promise);
        }
    }

    /// <summary>Forgets a cached key (a pending load of it still completes).</summary>
    public void Clear(TKey key)
    {
        lock (_lock) _cache.Remove(key);
    }

    public override void Dispatch()
    {
        List<TKey> keys;
        List<TaskCompletionSource<TValue>> promises;
        lock (_lock)
        {
            if (_pendingKeys.Count == 0) return;
            keys = _pendingKeys;
            promises = _pendingPromises;
            _pendingKeys = [];
            _pendingPromises = [];
        }
        if (MaxBatchSize <= 0 || keys.Count <= MaxBatchSize)
        {
            Start(keys, promises);
            return;
        }
        for (var offset = 0; offset < keys.Count; offset += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, keys.Count - offset);
            Start(keys.GetRange(offset, count), promises.GetRange(offset, count));
        }
    }

    private void Start(List<TKey> keys, List<TaskCompletionSource<TValue>> promises)
    {
        BatchCount++;
        ValueTask<IReadOnlyDictionary<TKey, TValue>> batch;
        try
        {
            batch = LoadBatchAsync(keys, CancellationToken);
        }
        catch (Exception error)
        {
            Fail(keys, promises, error);
            return;
        }
        if (batch.IsCompleted)
        {
            Complete(keys, promises, batch.ConfigureAwait(false).GetAwaiter());
            return;
        }
        var awaiter = batch.ConfigureAwait(false).GetAwaiter();
        awaiter.UnsafeOnCompleted(() =>
        {
            if (Scheduler is null) Complete(keys, promises, awaiter);
            else Scheduler.Post(() => Complete(keys, promises, awaiter));
        });
    }

    private void Complete(
        List<TKey> keys,
        List<TaskCompletionSource<TValue>> promises,
        ConfiguredValueTaskAwaitable<IReadOnlyDictionary<TKey, TValue>>.ConfiguredValueTaskAwaiter awaiter)
    {
        IReadOnlyDictionary<TKey, TValue> results;
        try
        {
            results = awaiter.GetResult() ?? throw new InvalidOperationException($"The batch function of DataLoader \"{Name}\" returned null.");
        }
        catch (Exception error)
        {
            Fail(keys, promises, error);
            return;
        }
        for (var i = 0; i < keys.Count; i++)
        {
            promises[i].TrySetResult(results.TryGetValue(keys[i], out var value) ? value : ValueForMissingKey);
        }
    }

    private void Fail(List<TKey> keys, List<TaskCompletionSource<TValue>> promises, Exception error)
    {
        lock (_lock)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (_cache.TryGetValue(keys[i], out var cached) && ReferenceEquals(cached, promises[i])) _cache.Remove(keys[i]);
            }
        }
        foreach (var promise in promises) promise.TrySetException(error);
    }
}

/// <summary>One value per key; a key missing from the batch result loads as default (null).</summary>
public sealed class DataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> _batch;

    public DataLoader(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> batch,
        IBatchScheduler? scheduler = null,
        IEqualityComparer<TKey>? comparer = null,
        CancellationToken cancellationToken = default)
        : base(name, scheduler, comparer, cancellationToken)
    {
        _batch = batch ?? throw new ArgumentNullException(nameof(batch));
    }

    protected override TValue ValueForMissingKey => default!;

    protected override ValueTask<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => _batch(keys, cancellationToken);
}

/// <summary>A list of values per key (one-to-many); a key missing from the batch result loads as an empty list.</summary>
public sealed class GroupDataLoader<TKey, TValue> : DataLoaderBase<TKey, IReadOnlyList<TValue>> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> _batch;

    public GroupDataLoader(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> batch,
        IBatchScheduler? scheduler = null,
        IEqualityComparer<TKey>? comparer = null,
        CancellationToken cancellationToken = default)
        : base(name, scheduler, comparer, cancellationToken)
    {
        _batch = batch ?? throw new ArgumentNullException(nameof(batch));
    }

    protected override IReadOnlyList<TValue> ValueForMissingKey => [];

    protected override ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
        => _batch(keys, cancellationToken);
}
