using SefData.GraphQL.Types;

namespace SefData.GraphQL.DataLoader;

/// <summary>
/// The loaders of one request, by name. The executor creates one per request with itself as the scheduler;
/// a registry without a scheduler (outside the executor) dispatches only when <see cref="DispatchPending"/> is called.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly object _lock = new();
    private readonly Dictionary<string, DataLoaderBase> _loaders = new(StringComparer.Ordinal);
    private readonly List<DataLoaderBase> _ordered = [];

    public DataLoaderRegistry(IBatchScheduler? scheduler = null, CancellationToken cancellationToken = default)
    {
        Scheduler = scheduler;
        CancellationToken = cancellationToken;
    }

    public IBatchScheduler? Scheduler { get; }
    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DataLoaderBase> Loaders
    {
        get
        {
            lock (_lock) return _ordered.ToArray();
        }
    }

    /// <summary>The loader named <paramref name="name"/>, created with <paramref name="batch"/> on first use.</summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull
        => GetOrAdd(name, () => new DataLoader<TKey, TValue>(name, batch, Scheduler, null, CancellationToken));

    /// <summary>The one-to-many loader named <paramref name="name"/>, created with <paramref name="batch"/> on first use.</summary>
    public GroupDataLoader<TKey, TValue> GetOrAddGroup<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> batch)
        where TKey : notnull
        => GetOrAdd(name, () => new GroupDataLoader<TKey, TValue>(name, batch, Scheduler, null, CancellationToken));

    private T GetOrAdd<T>(string name, Func<T> create) where T : DataLoaderBase
    {
        lock (_lock)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as T ?? throw new InvalidOperationException(
                    $"DataLoader \"{name}\" is a {existing.GetType()}, not a {typeof(T)}.");
            }
            var loader = create();
            _loaders.Add(name, loader);
            _ordered.Add(loader);
            return loader;
        }
    }

    public bool HasPendingKeys
    {
        get
        {
            lock (_lock)
            {
                foreach (var loader in _ordered)
                {
                    if (loader.HasPendingKeys) return true;
                }
            }
            return false;
        }
    }

    public int PendingKeyCount
    {
        get
        {
            var count = 0;
            foreach (var loader in Loaders) count += loader.PendingKeyCount;
            return count;
        }
    }

    /// <summary>Dispatches every loader with pending keys; true when any batch was started.</summary>
    public bool DispatchPending()
    {
        var dispatched = false;
        foreach (var loader in Loaders)
        {
            if (!loader.HasPendingKeys) continue;
            loader.Dispatch();
            dispatched = true;
        }
        return dispatched;
    }
}

/// <summary>Implemented by resolver contexts that carry the request's loaders.</summary>
public interface IDataLoaderScope
{
    DataLoaderRegistry DataLoaders { get; }
}

public static class DataLoaderResolverContextExtensions
{
    /// <summary>Key under which a registry is kept in <see cref="IResolverContext.ContextData"/> outside the executor.</summary>
    public const string ContextDataKey = "SefData.DataLoaders";

    /// <summary>The request's loader named <paramref name="name"/> (e.g. <c>"School.inspections"</c>).</summary>
    public static DataLoader<TKey, TValue> DataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull
        => context.DataLoaders().GetOrAdd(name, batch);

    /// <summary>The request's one-to-many loader named <paramref name="name"/>.</summary>
    public static GroupDataLoader<TKey, TValue> GroupDataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> batch)
        where TKey : notnull
        => context.DataLoaders().GetOrAddGroup(name, batch);

    public static DataLoaderRegistry DataLoaders(this IResolverContext context)
    {
        if (context is IDataLoaderScope scope) return scope.DataLoaders;
        lock (context.ContextData)
        {
            if (context.ContextData.TryGetValue(ContextDataKey, out var existing) && existing is DataLoaderRegistry registry) return registry;
            registry = new DataLoaderRegistry(null, context.CancellationToken);
            context.ContextData[ContextDataKey] = registry;
            return registry;
        }
    }
}
