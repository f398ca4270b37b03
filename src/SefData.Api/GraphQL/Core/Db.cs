using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SefData.Data;
using SefData.GraphQL.Data;
using SefData.GraphQL.DataLoader;
using SefData.GraphQL.Types;

namespace SefData.Api.GraphQL.Core;

/// <summary>
/// Options of the contexts resolvers use: the host's provider and connection, no change tracking (queries only;
/// mutations attach what they change), and the counter that lets tests count SQL commands per request.
/// </summary>
public sealed class GraphQLDbOptions(SefDataDatabaseInfo info)
{
    public DbContextOptions<SefDataDbContext> Options { get; } =
        (DbContextOptions<SefDataDbContext>)SefDataDb.Configure(new DbContextOptionsBuilder<SefDataDbContext>(), info.Provider, info.ConnectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(SqlCommandCounter.Instance)
            .Options;
}

/// <summary>
/// The request's source of DbContexts. Sibling fields resolve concurrently and an EF DbContext is not thread-safe,
/// so no context is ever shared between resolvers: each root resolver and each DataLoader batch takes its own
/// short-lived context (<see cref="RunAsync{T}"/>), and a connection's query gets one that lives until the request
/// ends (<see cref="Create"/>). Connections come from the provider's pool, so this costs little.
/// </summary>
public sealed class SefDataDbScope : IAsyncDisposable
{
    private readonly DbContextOptions<SefDataDbContext> _options;
    private readonly SqlCommandLog? _log;
    private readonly List<SefDataDbContext> _open = [];

    public SefDataDbScope(GraphQLDbOptions options, IHttpContextAccessor http, SqlCommandCapture? capture = null)
    {
        _options = options.Options;
        if (capture is not null && http.HttpContext?.Request.Headers[SqlCommandCapture.HeaderName] is { Count: > 0 } tag)
            _log = capture.For(tag.ToString());
    }

    /// <summary>A context that lives until the request ends (for IQueryables executed later, e.g. connections).</summary>
    public SefDataDbContext Create()
    {
        var db = New();
        lock (_open) _open.Add(db);
        return db;
    }

    /// <summary>Runs <paramref name="work"/> on a context of its own, disposed as soon as it finishes.</summary>
    public async Task<T> RunAsync<T>(Func<SefDataDbContext, Task<T>> work)
    {
        await using var db = New();
        return await work(db);
    }

    private SefDataDbContext New()
    {
        var db = new SefDataDbContext(_options);
        if (_log is not null) SqlCommandCounter.Instance.Attach(db, _log);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        SefDataDbContext[] open;
        lock (_open) open = [.. _open];
        foreach (var db in open) await db.DisposeAsync();
    }
}

/// <summary>
/// Test hook: when registered (tests only) and a request carries <see cref="HeaderName"/>, every SQL command the
/// request's contexts run is recorded under the header's value.
/// </summary>
public sealed class SqlCommandCapture
{
    public const string HeaderName = "X-SefData-Sql-Capture";
    private readonly ConcurrentDictionary<string, SqlCommandLog> _logs = new();

    public SqlCommandLog For(string tag) => _logs.GetOrAdd(tag, _ => new SqlCommandLog());

    public SqlCommandLog? Take(string tag) => _logs.TryRemove(tag, out var log) ? log : null;
}

/// <summary>Forwards a context's commands to the log attached to that context (if any).</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    public static readonly SqlCommandCounter Instance = new();
    private readonly ConditionalWeakTable<DbContext, SqlCommandLog> _logs = new();

    public void Attach(DbContext db, SqlCommandLog log) => _logs.AddOrUpdate(db, log);

    private SqlCommandLog? LogOf(CommandEventData e) => e.Context is { } c && _logs.TryGetValue(c, out var log) ? log : null;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        LogOf(eventData)?.ReaderExecuting(command, eventData, result) ?? result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        LogOf(eventData)?.ReaderExecutingAsync(command, eventData, result, cancellationToken) ?? ValueTask.FromResult(result);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        LogOf(eventData)?.ScalarExecuting(command, eventData, result) ?? result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        LogOf(eventData)?.ScalarExecutingAsync(command, eventData, result, cancellationToken) ?? ValueTask.FromResult(result);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        LogOf(eventData)?.NonQueryExecuting(command, eventData, result) ?? result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        LogOf(eventData)?.NonQueryExecutingAsync(command, eventData, result, cancellationToken) ?? ValueTask.FromResult(result);
}

/// <summary>How resolvers reach the database. Use these everywhere; never resolve SefDataDbContext from services.</summary>
public static class DbResolverExtensions
{
    public static SefDataDbScope DbScope(this IResolverContext ctx) => ctx.Service<SefDataDbScope>();

    /// <summary>One query on a context of its own (root fields, single lookups).</summary>
    public static Task<T> Db<T>(this IResolverContext ctx, Func<SefDataDbContext, CancellationToken, Task<T>> query)
    {
        var ct = ctx.CancellationToken;
        return ctx.DbScope().RunAsync(db => query(db, ct));
    }

    /// <summary>A set whose context lives until the request ends: for connection sources (executed after the resolver returns).</summary>
    public static IQueryable<T> DbSet<T>(this IResolverContext ctx) where T : class => ctx.DbScope().Create().Set<T>();

    /// <summary>
    /// A one-to-many list batched across all parents of a list level: one SQL command per level. <paramref name="name"/>
    /// identifies the loader in the request (include argument values in it: "School.memberships@2019-01-31").
    /// <paramref name="fetch"/> gets every pending key; the rows it returns are grouped by <paramref name="keyOf"/>.
    /// </summary>
    public static async Task<IReadOnlyList<TValue>> LoadGroupAsync<TKey, TValue>(this IResolverContext ctx, string name, TKey key,
        Func<SefDataDbContext, IReadOnlyList<TKey>, CancellationToken, Task<List<TValue>>> fetch, Func<TValue, TKey> keyOf) where TKey : notnull
    {
        // Capture the scope, never ctx: resolver contexts are pooled and reused before the batch runs.
        var scope = ctx.DbScope();
        var loader = ctx.GroupDataLoader<TKey, TValue>(name, async (keys, ct) =>
        {
            var rows = await scope.RunAsync(db => fetch(db, keys, ct));
            return rows.GroupBy(keyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)g.ToList());
        });
        return await loader.LoadAsync(key);
    }

    /// <summary>A to-one lookup batched across all parents of a list level (missing keys load as null).</summary>
    public static async Task<TValue?> LoadOneAsync<TKey, TValue>(this IResolverContext ctx, string name, TKey key,
        Func<SefDataDbContext, IReadOnlyList<TKey>, CancellationToken, Task<List<TValue>>> fetch, Func<TValue, TKey> keyOf)
        where TKey : notnull where TValue : class
    {
        var scope = ctx.DbScope();
        var loader = ctx.DataLoader<TKey, TValue?>(name, async (keys, ct) =>
        {
            var rows = await scope.RunAsync(db => fetch(db, keys, ct));
            var map = new Dictionary<TKey, TValue?>();
            foreach (var row in rows) map.TryAdd(keyOf(row), row);
            return map;
        });
        return await loader.LoadAsync(key);
    }
}
